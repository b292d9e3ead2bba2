// The compiled conversion tables, embedded in the binary.
//
// Generated data lives in ../blobs/*.bin (written by `swift run fanjian-tables
// compile`); tables.c embeds each file with C23 #embed.
#ifndef CFANJIANTABLES_H
#define CFANJIANTABLES_H

#include <stddef.h>

/// The embedded table for a configuration name such as "s2t", or NULL when
/// there is none. Writes its size in bytes to `length`.
const unsigned char *fj_embedded_table(const char *name, size_t *length);

/// The form evidence for a region ("tw" or "hk"): the text of
/// data/generated/form-evidence-<region>.txt, or NULL. Writes its size to `length`.
const unsigned char *fj_form_evidence(const char *region, size_t *length);

#endif
