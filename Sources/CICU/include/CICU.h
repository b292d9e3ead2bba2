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

/// The version of the ICU library in use, such as "72.1".
void fj_icu_version(char *output, size_t output_capacity);

#ifdef __cplusplus
}
#endif

#endif
