#if defined(__linux__)
#define _GNU_SOURCE
#include <fcntl.h>
#endif
#include <string.h>
#include "CSystemCalls.h"

int fj_start_writeback(int fd, long long offset, long long length) {
#if defined(__linux__)
  return sync_file_range(fd, (off_t)offset, (off_t)length, SYNC_FILE_RANGE_WRITE);
#else
  (void)fd;
  (void)offset;
  (void)length;
  return 0;
#endif
}

long fj_end_of_last(const void *bytes, unsigned char byte, size_t count) {
#if defined(__GLIBC__)
  const unsigned char *found = memrchr(bytes, byte, count);
  return found ? (long)(found - (const unsigned char *)bytes) + 1 : -1;
#else
  const unsigned char *start = bytes;
  for (size_t index = count; index > 0; index--) {
    if (start[index - 1] == byte) return (long)index;
  }
  return -1;
#endif
}

int fj_enlarge_pipe(int fd, int size) {
#if defined(__linux__) && defined(F_SETPIPE_SZ)
  return fcntl(fd, F_SETPIPE_SZ, size) < 0 ? -1 : 0;
#else
  (void)fd;
  (void)size;
  return -1;
#endif
}
