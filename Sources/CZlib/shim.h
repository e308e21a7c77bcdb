#ifndef KUBELAB_CZLIB_SHIM_H
#define KUBELAB_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit is a macro, which Swift cannot call: this function stands in for it. */
static inline int kubelab_inflate_init(z_streamp stream) {
  return inflateInit(stream);
}
#endif
