#ifndef CSYSTEMCALLS_H
#define CSYSTEMCALLS_H

#include <stddef.h>

/// System calls that Swift's Glibc module does not expose, for the `fanjian`
/// command's file input and output. Each returns 0 on success, or -1 with
/// errno set, unless it says otherwise.

/// Starts writing `length` bytes of `fd` from `offset` to storage in the
/// background (Linux `sync_file_range` with `SYNC_FILE_RANGE_WRITE`), so a
/// later `fsync` has less left to wait for. Elsewhere it does nothing.
int fj_start_writeback(int fd, long long offset, long long length);


/// The offset just past the last `byte` in the first `count` bytes at
/// `bytes` (GNU `memrchr`, or a loop where there is none), or -1 when there
/// is none.
long fj_end_of_last(const void *bytes, unsigned char byte, size_t count);

/// Asks for a pipe buffer of at least `size` bytes (Linux `F_SETPIPE_SZ`), so
/// that a fast producer and the converter wake each other less often. Only
/// a hint: -1 when `fd` is not a pipe or the size is not allowed.
int fj_enlarge_pipe(int fd, int size);

#endif
