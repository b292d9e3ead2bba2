#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/utf16.h>

// UTF-16 between the two converters; ucnv_convertEx keeps what is in it
// between calls, so a chunk may end anywhere.
#define FJ_PIVOT_CAPACITY 4096

struct fj_charset {
  UConverter *charset;
  UConverter *utf8;
  int encode;
  int64_t consumed;       // source bytes consumed by earlier calls
  int64_t substitutions;  // lossy replacements so far
  UBool reset;            // first call of the stream
  UChar pivot[FJ_PIVOT_CAPACITY];
  UChar *pivot_source;
  UChar *pivot_target;
};

static void copy_error(UErrorCode status, char *error_name, size_t error_capacity) {
  if (error_name == NULL || error_capacity == 0) return;
  strncpy(error_name, u_errorName(status), error_capacity - 1);
  error_name[error_capacity - 1] = '\0';
}

// Lossy decoding: every invalid sequence becomes one U+FFFD, counted.
static void to_unicode_replace(const void *context, UConverterToUnicodeArgs *args, const char *code_units,
                               int32_t length, UConverterCallbackReason reason, UErrorCode *status) {
  (void)code_units;
  (void)length;
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
  fj_charset *charset = (fj_charset *)context;
  static const UChar replacement = 0xFFFD;
  charset->substitutions += 1;
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

// Lossy encoding: ICU's substitution character of the encoding, counted.
static void from_unicode_replace(const void *context, UConverterFromUnicodeArgs *args, const UChar *code_units,
                                 int32_t length, UChar32 code_point, UConverterCallbackReason reason,
                                 UErrorCode *status) {
  if (reason > UCNV_IRREGULAR) return;
  fj_charset *charset = (fj_charset *)context;
  charset->substitutions += 1;
  UCNV_FROM_U_CALLBACK_SUBSTITUTE(NULL, args, code_units, length, code_point, reason, status);
}

int fj_charset_canonical_name(const char *name, char *output, size_t output_capacity) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(name, &status);
  if (U_FAILURE(status) || converter == NULL) return -1;
  const char *canonical = ucnv_getName(converter, &status);
  if (U_FAILURE(status) || canonical == NULL) {
    ucnv_close(converter);
    return -1;
  }
  if (output_capacity > 0) {
    strncpy(output, canonical, output_capacity - 1);
    output[output_capacity - 1] = '\0';
  }
  ucnv_close(converter);
  return 0;
}

fj_charset *fj_charset_open(const char *name, int encode, int lossy, char *error_name, size_t error_capacity) {
  fj_charset *result = calloc(1, sizeof(fj_charset));
  if (result == NULL) {
    copy_error(U_MEMORY_ALLOCATION_ERROR, error_name, error_capacity);
    return NULL;
  }
  UErrorCode status = U_ZERO_ERROR;
  result->charset = ucnv_open(name, &status);
  if (U_SUCCESS(status)) result->utf8 = ucnv_open("UTF-8", &status);
  if (U_SUCCESS(status)) {
    if (encode) {
      if (lossy) {
        ucnv_setFromUCallBack(result->charset, from_unicode_replace, result, NULL, NULL, &status);
      } else {
        ucnv_setFromUCallBack(result->charset, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
      }
      ucnv_setToUCallBack(result->utf8, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    } else {
      if (lossy) {
        ucnv_setToUCallBack(result->charset, to_unicode_replace, result, NULL, NULL, &status);
      } else {
        ucnv_setToUCallBack(result->charset, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
      }
      ucnv_setFromUCallBack(result->utf8, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    }
  }
  if (U_FAILURE(status)) {
    copy_error(status, error_name, error_capacity);
    fj_charset_close(result);
    return NULL;
  }
  result->encode = encode;
  result->reset = 1;
  result->pivot_source = result->pivot;
  result->pivot_target = result->pivot;
  return result;
}

void fj_charset_close(fj_charset *charset) {
  if (charset == NULL) return;
  if (charset->charset != NULL) ucnv_close(charset->charset);
  if (charset->utf8 != NULL) ucnv_close(charset->utf8);
  free(charset);
}

fj_charset_status fj_charset_convert(fj_charset *charset, const char **source, const char *source_limit,
                                     char **target, char *target_limit, int flush,
                                     int64_t *invalid_offset, uint32_t *invalid_code_point,
                                     char *error_name, size_t error_capacity) {
  UErrorCode status = U_ZERO_ERROR;
  const char *start = *source;
  UConverter *to = charset->encode ? charset->charset : charset->utf8;
  UConverter *from = charset->encode ? charset->utf8 : charset->charset;
  ucnv_convertEx(to, from, target, target_limit, source, source_limit, charset->pivot, &charset->pivot_source,
                 &charset->pivot_target, charset->pivot + FJ_PIVOT_CAPACITY, charset->reset, (UBool)flush,
                 &status);
  charset->reset = 0;
  charset->consumed += *source - start;
  if (status == U_BUFFER_OVERFLOW_ERROR) return FJ_CHARSET_TARGET_FULL;
  if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND ||
      status == U_ILLEGAL_ESCAPE_SEQUENCE || status == U_UNSUPPORTED_ESCAPE_SEQUENCE) {
    UErrorCode ignored = U_ZERO_ERROR;
    if (charset->encode) {
      // The character is in the pivot, already past the UTF-8 source pointer.
      UChar units[8];
      int8_t length = (int8_t)(sizeof(units) / sizeof(units[0]));
      ucnv_getInvalidUChars(charset->charset, units, &length, &ignored);
      UChar32 code_point = 0xFFFD;
      if (U_SUCCESS(ignored) && length > 0) {
        int32_t index = 0;
        U16_NEXT(units, index, length, code_point);
      }
      if (invalid_code_point != NULL) *invalid_code_point = (uint32_t)code_point;
      if (invalid_offset != NULL) *invalid_offset = -1;
    } else {
      // The bad bytes were consumed; ICU keeps them for ucnv_getInvalidChars.
      char bytes[32];
      int8_t length = (int8_t)sizeof(bytes);
      ucnv_getInvalidChars(charset->charset, bytes, &length, &ignored);
      if (U_FAILURE(ignored)) length = 0;
      int64_t offset = charset->consumed - length;
      if (invalid_offset != NULL) *invalid_offset = offset < 0 ? 0 : offset;
    }
    copy_error(status, error_name, error_capacity);
    return FJ_CHARSET_INVALID;
  }
  if (U_FAILURE(status)) {
    copy_error(status, error_name, error_capacity);
    return FJ_CHARSET_FAILED;
  }
  return FJ_CHARSET_DONE;
}

int64_t fj_charset_substitutions(const fj_charset *charset) {
  return charset->substitutions;
}
