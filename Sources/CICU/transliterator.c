#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

struct fj_transliterator {
  UTransliterator *icu;
};

static void copy_error(UErrorCode status, char *error_name, size_t error_capacity) {
  if (error_name == NULL || error_capacity == 0) return;
  strncpy(error_name, u_errorName(status), error_capacity - 1);
  error_name[error_capacity - 1] = '\0';
}

/// Converts UTF-8 to a freshly allocated UTF-16 buffer. Returns NULL on error.
static UChar *to_utf16(const char *input, size_t input_length, int32_t *length, int32_t extra,
                       UErrorCode *status) {
  int32_t needed = 0;
  u_strFromUTF8(NULL, 0, &needed, input, (int32_t)input_length, status);
  if (*status == U_BUFFER_OVERFLOW_ERROR || *status == U_STRING_NOT_TERMINATED_WARNING) {
    *status = U_ZERO_ERROR;
  }
  if (U_FAILURE(*status)) return NULL;
  int32_t capacity = needed + extra + 1;
  UChar *buffer = malloc(sizeof(UChar) * (size_t)capacity);
  if (buffer == NULL) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  u_strFromUTF8(buffer, capacity, length, input, (int32_t)input_length, status);
  if (U_FAILURE(*status)) {
    free(buffer);
    return NULL;
  }
  return buffer;
}

/// Writes UTF-16 as UTF-8 into `output`; returns the needed length or -1.
static int64_t to_utf8(const UChar *text, int32_t length, char *output, size_t output_capacity,
                       UErrorCode *status) {
  int32_t needed = 0;
  u_strToUTF8(output, (int32_t)output_capacity, &needed, text, length, status);
  if (*status == U_BUFFER_OVERFLOW_ERROR || *status == U_STRING_NOT_TERMINATED_WARNING) {
    *status = U_ZERO_ERROR;
  }
  if (U_FAILURE(*status)) return -1;
  return needed;
}

fj_transliterator *fj_transliterator_open(const char *id, char *error_name, size_t error_capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t id_length = 0;
  UChar *id16 = to_utf16(id, strlen(id), &id_length, 0, &status);
  if (id16 == NULL) {
    copy_error(status, error_name, error_capacity);
    return NULL;
  }
  UParseError parse_error;
  UTransliterator *icu = utrans_openU(id16, id_length, UTRANS_FORWARD, NULL, 0, &parse_error, &status);
  free(id16);
  if (U_FAILURE(status) || icu == NULL) {
    copy_error(U_FAILURE(status) ? status : U_INVALID_ID, error_name, error_capacity);
    return NULL;
  }
  fj_transliterator *result = malloc(sizeof(fj_transliterator));
  if (result == NULL) {
    utrans_close(icu);
    copy_error(U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
    return NULL;
  }
  result->icu = icu;
  return result;
}

void fj_transliterator_close(fj_transliterator *transliterator) {
  if (transliterator == NULL) return;
  utrans_close(transliterator->icu);
  free(transliterator);
}

int64_t fj_transliterator_transliterate(const fj_transliterator *transliterator,
                                        const char *input, size_t input_length,
                                        char *output, size_t output_capacity,
                                        char *error_name, size_t error_capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  // Transliteration can grow the text; start with generous room and retry once.
  int32_t extra = (int32_t)(input_length / 2) + 16;
  for (int attempt = 0; attempt < 2; attempt++) {
    UChar *text = to_utf16(input, input_length, &length, extra, &status);
    if (text == NULL) {
      copy_error(status, error_name, error_capacity);
      return -1;
    }
    int32_t capacity = length + extra + 1;
    int32_t limit = length;
    utrans_transUChars(transliterator->icu, text, &length, capacity, 0, &limit, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
      free(text);
      status = U_ZERO_ERROR;
      extra = length + 16;
      continue;
    }
    if (U_FAILURE(status)) {
      free(text);
      copy_error(status, error_name, error_capacity);
      return -1;
    }
    int64_t needed = to_utf8(text, length, output, output_capacity, &status);
    free(text);
    if (needed < 0) copy_error(status, error_name, error_capacity);
    return needed;
  }
  copy_error(U_BUFFER_OVERFLOW_ERROR, error_name, error_capacity);
  return -1;
}

int64_t fj_transliterator_rules(const fj_transliterator *transliterator,
                                char *output, size_t output_capacity,
                                char *error_name, size_t error_capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = utrans_toRules(transliterator->icu, 0, NULL, 0, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) status = U_ZERO_ERROR;
  if (U_FAILURE(status)) {
    copy_error(status, error_name, error_capacity);
    return -1;
  }
  UChar *rules = malloc(sizeof(UChar) * (size_t)(needed + 1));
  if (rules == NULL) {
    copy_error(U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
    return -1;
  }
  int32_t length = utrans_toRules(transliterator->icu, 0, rules, needed + 1, &status);
  if (U_FAILURE(status)) {
    free(rules);
    copy_error(status, error_name, error_capacity);
    return -1;
  }
  int64_t result = to_utf8(rules, length, output, output_capacity, &status);
  free(rules);
  if (result < 0) copy_error(status, error_name, error_capacity);
  return result;
}

void fj_icu_version(char *output, size_t output_capacity) {
  UVersionInfo info;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(info);
  u_versionToString(info, text);
  if (output_capacity == 0) return;
  strncpy(output, text, output_capacity - 1);
  output[output_capacity - 1] = '\0';
}
