#ifndef EDLINT_CSTEMMER_SHIM_H
#define EDLINT_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
