// PCRE2 needs its code-unit width chosen before the header is read; edlint
// matches UTF-8 bytes, so the 8-bit library. Swift cannot see the width-free
// macro names (pcre2_compile → pcre2_compile_8), so callers use the _8 names.
#ifndef EDLINT_CPCRE2_SHIM_H
#define EDLINT_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// Object-like macros built from casts are not imported into Swift.
static inline PCRE2_SIZE edlint_pcre2_unset(void) { return PCRE2_UNSET; }
#endif
