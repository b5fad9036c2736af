/* translate: shows a loaded exercise in the person's language, from the script's own
 * `translations` group (docs/script-format.md, Translations). Pure: no environment,
 * no locale; the caller passes the language code (ebb_lang_current()). The id, the
 * timings and everything that is not shown text never change. */
#ifndef EBB_TRANSLATE_H
#define EBB_TRANSLATE_H

#include "script.h"

/* The translation of `ex` for `lang` ("de", "pt_BR", "pt-BR.UTF-8"): the one whose key
 * is the same code (case and '-'/'_' aside; an encoding or @modifier is ignored),
 * else the one whose key is its language part alone ("pt"), else NULL. */
const struct ebb_translation *ebb_translation_find(const struct ebb_exercise *ex,
                                                   const char *lang);

/* The translation of `text` in `tr` (a phase text, step prompt or step detail as the
 * script writes it), or NULL when it has none. */
const char *ebb_translation_lookup(const struct ebb_translation *tr, const char *text);

/* Replaces the shown texts of `ex` with the translation ebb_translation_find picks
 * for `lang`: title, summary and about where the translation has them, each phase
 * text, step prompt and detail its `strings` name. Texts it has no words for stay as
 * written. The exercise's `language` becomes the translation's, so the voice speaks
 * it, and `shown_language` names it. Returns 1 when a translation was applied, 0 when
 * the exercise stays as written (no translation, lang NULL or "", or one already
 * applied), -1 when memory ran out (the exercise is then unchanged). */
int ebb_script_translate(struct ebb_exercise *ex, const char *lang);

/* How many of the texts `ex` shows have no translation in `tr`: the title, a summary
 * and an about that are not empty, and every distinct non-empty phase text, step
 * prompt and step detail. *first (when not NULL) is set to the first of them, or NULL. */
int ebb_translation_missing(const struct ebb_exercise *ex, const struct ebb_translation *tr,
                            const char **first);

#endif
