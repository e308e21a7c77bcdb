#ifndef KUBELAB_CCURL_SHIM_H
#define KUBELAB_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt is variadic and cannot be called from Swift: these typed
   wrappers give Swift one entry point per argument type. */
static inline CURLcode kubelab_curl_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kubelab_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kubelab_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kubelab_curl_setopt_blob(CURL *handle, CURLoption option, struct curl_blob *value) {
  return curl_easy_setopt(handle, option, value);
}

typedef size_t (*kubelab_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode kubelab_curl_setopt_data_callback(CURL *handle, CURLoption option, kubelab_curl_data_callback value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kubelab_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

typedef int (*kubelab_curl_xferinfo_callback)(void *context, curl_off_t download_total, curl_off_t download_now,
                                              curl_off_t upload_total, curl_off_t upload_now);

/* The progress callback is how a blocking transfer learns it was cancelled: returning non-zero
   aborts it with CURLE_ABORTED_BY_CALLBACK. */
static inline CURLcode kubelab_curl_setopt_xferinfo_callback(CURL *handle, kubelab_curl_xferinfo_callback value) {
  return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}
#endif
