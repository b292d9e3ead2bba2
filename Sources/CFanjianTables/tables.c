// Embeds the compiled tables in blobs/ (see CFanjianTables.h).
#include "CFanjianTables.h"
#include <string.h>

// Each table is 16-byte aligned: it ends with the matcher's image, whose
// sections the library uses in place (TableBlob, ImageLayout).
// #embed is standard C23; this target is compiled in an older mode by default.
#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char __attribute__((aligned(16))) table_s2t[] = {
#embed "blobs/s2t.bin"
};

static const unsigned char __attribute__((aligned(16))) table_t2s[] = {
#embed "blobs/t2s.bin"
};

static const unsigned char __attribute__((aligned(16))) table_s2tw[] = {
#embed "blobs/s2tw.bin"
};

static const unsigned char __attribute__((aligned(16))) table_tw2s[] = {
#embed "blobs/tw2s.bin"
};

static const unsigned char __attribute__((aligned(16))) table_s2twp[] = {
#embed "blobs/s2twp.bin"
};

static const unsigned char __attribute__((aligned(16))) table_tw2sp[] = {
#embed "blobs/tw2sp.bin"
};

static const unsigned char __attribute__((aligned(16))) table_s2two[] = {
#embed "blobs/s2two.bin"
};

static const unsigned char __attribute__((aligned(16))) table_s2twpo[] = {
#embed "blobs/s2twpo.bin"
};

static const unsigned char __attribute__((aligned(16))) table_s2hk[] = {
#embed "blobs/s2hk.bin"
};

static const unsigned char __attribute__((aligned(16))) table_hk2s[] = {
#embed "blobs/hk2s.bin"
};

static const unsigned char __attribute__((aligned(16))) table_s2hkp[] = {
#embed "blobs/s2hkp.bin"
};

static const unsigned char __attribute__((aligned(16))) table_hk2sp[] = {
#embed "blobs/hk2sp.bin"
};

static const unsigned char __attribute__((aligned(16))) table_t2tw[] = {
#embed "blobs/t2tw.bin"
};

static const unsigned char __attribute__((aligned(16))) table_t2two[] = {
#embed "blobs/t2two.bin"
};

static const unsigned char __attribute__((aligned(16))) table_t2hk[] = {
#embed "blobs/t2hk.bin"
};

static const unsigned char __attribute__((aligned(16))) table_tw2t[] = {
#embed "blobs/tw2t.bin"
};

static const unsigned char __attribute__((aligned(16))) table_hk2t[] = {
#embed "blobs/hk2t.bin"
};

static const unsigned char __attribute__((aligned(16))) table_t2jp[] = {
#embed "blobs/t2jp.bin"
};

static const unsigned char __attribute__((aligned(16))) table_jp2t[] = {
#embed "blobs/jp2t.bin"
};

const unsigned char *fj_embedded_table(const char *name, size_t *length) {
  if (strcmp(name, "s2t") == 0) { *length = sizeof table_s2t; return table_s2t; }
  if (strcmp(name, "t2s") == 0) { *length = sizeof table_t2s; return table_t2s; }
  if (strcmp(name, "s2tw") == 0) { *length = sizeof table_s2tw; return table_s2tw; }
  if (strcmp(name, "tw2s") == 0) { *length = sizeof table_tw2s; return table_tw2s; }
  if (strcmp(name, "s2twp") == 0) { *length = sizeof table_s2twp; return table_s2twp; }
  if (strcmp(name, "tw2sp") == 0) { *length = sizeof table_tw2sp; return table_tw2sp; }
  if (strcmp(name, "s2two") == 0) { *length = sizeof table_s2two; return table_s2two; }
  if (strcmp(name, "s2twpo") == 0) { *length = sizeof table_s2twpo; return table_s2twpo; }
  if (strcmp(name, "s2hk") == 0) { *length = sizeof table_s2hk; return table_s2hk; }
  if (strcmp(name, "hk2s") == 0) { *length = sizeof table_hk2s; return table_hk2s; }
  if (strcmp(name, "s2hkp") == 0) { *length = sizeof table_s2hkp; return table_s2hkp; }
  if (strcmp(name, "hk2sp") == 0) { *length = sizeof table_hk2sp; return table_hk2sp; }
  if (strcmp(name, "t2tw") == 0) { *length = sizeof table_t2tw; return table_t2tw; }
  if (strcmp(name, "t2two") == 0) { *length = sizeof table_t2two; return table_t2two; }
  if (strcmp(name, "t2hk") == 0) { *length = sizeof table_t2hk; return table_t2hk; }
  if (strcmp(name, "tw2t") == 0) { *length = sizeof table_tw2t; return table_tw2t; }
  if (strcmp(name, "hk2t") == 0) { *length = sizeof table_hk2t; return table_hk2t; }
  if (strcmp(name, "t2jp") == 0) { *length = sizeof table_t2jp; return table_t2jp; }
  if (strcmp(name, "jp2t") == 0) { *length = sizeof table_jp2t; return table_jp2t; }
  *length = 0;
  return NULL;
}
