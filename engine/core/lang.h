/* lang: which language ebb speaks. Pure: the caller reads the command line, the
 * settings file and the environment and passes their values in; nothing here reads
 * getenv or calls setlocale. A language code is "ll" or "ll_CC", optionally with an
 * "@modifier" ("de", "pt_BR", "sr_RS@latin"): the locale's codeset is dropped, the
 * language is lower case and the territory upper case. "C" and "POSIX" mean English. */
#ifndef EBB_LANG_H
#define EBB_LANG_H

#include <stdbool.h>
#include <stddef.h>

#define EBB_LANG_MAX 32 /* bytes of a code with its NUL: "ll_CC@modifier" */

/* Where the language came from, most important first. */
struct ebb_lang_sources {
    const char *cli;         /* --language LL, or NULL */
    const char *cfg;         /* ebb.cfg's `language`, or NULL / "" when not written */
    const char *language;    /* $LANGUAGE: "ll[:ll...]", gettext's list of preferences */
    const char *lc_all;      /* $LC_ALL */
    const char *lc_messages; /* $LC_MESSAGES */
    const char *lang;        /* $LANG */
};

/* Normalizes one value ("de_DE.UTF-8" -> "de_DE", "pt-br" -> "pt_BR", "C.UTF-8" and
 * "POSIX" -> "en") into out (EBB_LANG_MAX bytes). Returns 0, or -1 when the value is
 * not a language code or locale name (out is then ""). */
int ebb_lang_normalize(const char *value, char out[EBB_LANG_MAX]);

/* True when `value` normalizes to a code (what --language and `language` accept). */
bool ebb_lang_valid(const char *value);

/* The language to use, into out: the first of cli, cfg, then the locale as gettext
 * reads it: $LANGUAGE's first usable entry, but only when the locale ($LC_ALL, else
 * $LC_MESSAGES, else $LANG) is set and is not C or POSIX; else that locale. Values
 * that are not codes are skipped. "en" when nothing says otherwise. */
void ebb_lang_resolve(const struct ebb_lang_sources *src, char out[EBB_LANG_MAX]);

/* The language part of a code: "pt_BR" -> "pt", "sr_RS@latin" -> "sr". */
void ebb_lang_primary(const char *code, char out[EBB_LANG_MAX]);

/* True for the languages written right to left: Arabic, Hebrew, Persian, Urdu (any
 * territory: "ar_EG" too). */
bool ebb_lang_is_rtl(const char *code);

/* The language of this run: main sets it once, before anything is shown; everything
 * else reads it. The value is copied; NULL or a bad code sets "en". */
void ebb_lang_set(const char *code);

/* "en" until ebb_lang_set; the string stays valid until the next ebb_lang_set. */
const char *ebb_lang_current(void);

/* The locale's decimal point for numbers shown to the person (main sets it once from
 * LC_NUMERIC; files and diagnostics keep "."). NULL or "" sets ".". Copied. */
void ebb_lang_set_decimal_point(const char *point);

/* `x` with `decimals` digits after the decimal point as the locale writes it ("1,5"
 * in German), into buf; returns buf. */
const char *ebb_lang_decimal(double x, int decimals, char *buf, size_t size);

#endif
