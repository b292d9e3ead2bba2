#ifndef CSYSTEMCALLS_H
#define CSYSTEMCALLS_H

/// System calls that Swift's Glibc module does not expose, for the `fanjian`
/// command's file output. Each returns 0 on success, or -1 with errno set.

/// Starts writing `length` bytes of `fd` from `offset` to storage in the
/// background (Linux `sync_file_range` with `SYNC_FILE_RANGE_WRITE`), so a
/// later `fsync` has less left to wait for. Elsewhere it does nothing.
int fj_start_writeback(int fd, long long offset, long long length);

#endif
