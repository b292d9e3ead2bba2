// A narrow C seam over ICU's transliterator API.
//
// This header deliberately does not include any ICU header: Foundation on Linux
// ships its own copy of ICU's headers, and a Swift module that sees both fails to
// build. Swift talks to ICU only through these functions and an opaque handle.
#ifndef CICU_H
#define CICU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opened ICU transliterator.
typedef struct fj_transliterator fj_transliterator;

/// Opens the transliterator with the given UTF-8 id (for example
/// "Simplified-Traditional"). Returns NULL and writes ICU's error name into
/// `error_name` (NUL-terminated, truncated to `error_capacity`) on failure.
fj_transliterator *fj_transliterator_open(const char *id, char *error_name, size_t error_capacity);

/// Closes a transliterator opened by `fj_transliterator_open`.
void fj_transliterator_close(fj_transliterator *transliterator);

/// Transliterates `input` (UTF-8, `input_length` bytes).
///
/// Writes at most `output_capacity` bytes of UTF-8 into `output` and returns the
/// number of bytes the full result needs; when that is larger than
/// `output_capacity`, call again with a larger buffer. Returns -1 on an ICU
/// error and writes its name into `error_name`.
int64_t fj_transliterator_transliterate(const fj_transliterator *transliterator,
                                        const char *input, size_t input_length,
                                        char *output, size_t output_capacity,
                                        char *error_name, size_t error_capacity);

/// Writes the transliterator's rules, as UTF-8, in the same way as
/// `fj_transliterator_transliterate` writes its output.
int64_t fj_transliterator_rules(const fj_transliterator *transliterator,
                                char *output, size_t output_capacity,
                                char *error_name, size_t error_capacity);

// MARK: - Character set converters (ucnv)

/// An ICU character set converter paired with a UTF-8 converter: it decodes
/// bytes in one encoding to UTF-8, or encodes UTF-8 into one encoding.
typedef struct fj_charset fj_charset;

/// What `fj_charset_convert` stopped at.
typedef enum fj_charset_status {
  /// All of the source was consumed (and, with `flush`, everything written).
  FJ_CHARSET_DONE = 0,
  /// The target is full: call again with more room and the rest of the source.
  FJ_CHARSET_TARGET_FULL = 1,
  /// Decoding: bytes that are not valid in the encoding; `invalid_offset` is
  /// the offset of the first bad byte from the start of the stream.
  /// Encoding: a character the encoding cannot represent, in `invalid_code_point`.
  FJ_CHARSET_INVALID = 2,
  /// Another ICU error, named in `error_name`.
  FJ_CHARSET_FAILED = 3,
} fj_charset_status;

/// Writes ICU's canonical name for an encoding name or alias ("big5" ->
/// "windows-950-2000"). Returns 0, or -1 when ICU knows no such encoding.
int fj_charset_canonical_name(const char *name, char *output, size_t output_capacity);

/// Opens a converter. `encode` = 0 decodes `name` to UTF-8, 1 encodes UTF-8
/// to `name`. With `lossy` = 1, invalid bytes decode to U+FFFD and
/// unrepresentable characters encode to the encoding's substitution character,
/// and each is counted (`fj_charset_substitutions`); otherwise conversion stops
/// at them. Returns NULL and writes ICU's error name on failure.
fj_charset *fj_charset_open(const char *name, int encode, int lossy, char *error_name, size_t error_capacity);

/// Closes a converter opened by `fj_charset_open`.
void fj_charset_close(fj_charset *charset);

/// Converts from `*source` up to `source_limit` into `*target` up to
/// `target_limit`, advancing both pointers. Call with `flush` = 1 for the last
/// chunk (possibly empty) so that a truncated sequence at the end is reported.
/// State (a sequence split between chunks) is kept between calls.
fj_charset_status fj_charset_convert(fj_charset *charset, const char **source, const char *source_limit,
                                     char **target, char *target_limit, int flush,
                                     int64_t *invalid_offset, uint32_t *invalid_code_point,
                                     char *error_name, size_t error_capacity);

/// How many substitutions a lossy converter made so far.
int64_t fj_charset_substitutions(const fj_charset *charset);

/// The version of the ICU library in use, such as "72.1".
void fj_icu_version(char *output, size_t output_capacity);

#ifdef __cplusplus
}
#endif

#endif
