// Embeds the form evidence that scripts/generate-form-evidence counts (see
// CFanjianTables.h): how Taiwan and Hong Kong text writes the Traditional
// forms of one-to-many characters, for the normalizer.
#include "CFanjianTables.h"
#include <string.h>

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char evidence_tw[] = {
#embed "../../data/generated/form-evidence-tw.txt"
};

static const unsigned char evidence_hk[] = {
#embed "../../data/generated/form-evidence-hk.txt"
};

const unsigned char *fj_form_evidence(const char *region, size_t *length) {
  if (strcmp(region, "tw") == 0) { *length = sizeof evidence_tw; return evidence_tw; }
  if (strcmp(region, "hk") == 0) { *length = sizeof evidence_hk; return evidence_hk; }
  *length = 0;
  return NULL;
}
