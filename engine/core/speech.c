/* speech: the choice of words, mode and language for spoken guidance (see speech.h). */
#include "speech.h"

#include <stdio.h>
#include <string.h>

enum ebb_voice_mode ebb_speech_mode(const struct ebb_exercise *ex,
                                    const struct ebb_speech_choice *c)
{
    if (!ex || !c || c->cli == 0)
        return EBB_VOICE_NONE;
    enum ebb_voice_mode written = c->setting != EBB_VOICE_UNSET ? c->setting : ex->audio.voice;
    if (c->cli > 0)
        return written == EBB_VOICE_PROMPTS || written == EBB_VOICE_ALL ? written : EBB_VOICE_ALL;
    if (written != EBB_VOICE_UNSET)
        return written;
    if (c->eyes_closed && ex->kind == EBB_KIND_GROUNDING)
        return EBB_VOICE_PROMPTS;
    return EBB_VOICE_NONE;
}

/* Appends `text` to buf at *at as a sentence: a full stop unless it ends in one. */
static void sentence(char *buf, size_t size, size_t *at, const char *text)
{
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\n'))
        n--;
    if (n == 0 || *at + 1 >= size)
        return;
    if (*at > 0)
        buf[(*at)++] = ' ';
    size_t room = size - 1 - *at;
    size_t k = n < room ? n : room;
    memcpy(buf + *at, text, k);
    *at += k;
    char last = text[n - 1];
    if (k == n && *at + 1 < size && last != '.' && last != '!' && last != '?' && last != ':')
        buf[(*at)++] = '.';
    buf[*at] = '\0';
}

size_t ebb_speech_step_text(const struct ebb_step *st, enum ebb_voice_mode mode, char *buf,
                            size_t size)
{
    if (!size)
        return 0;
    buf[0] = '\0';
    if (!st || !st->prompt || (mode != EBB_VOICE_PROMPTS && mode != EBB_VOICE_ALL))
        return 0;
    size_t at = 0;
    sentence(buf, size, &at, st->prompt);
    if (at > 0 && mode == EBB_VOICE_ALL && st->detail)
        sentence(buf, size, &at, st->detail);
    return at;
}

bool ebb_speech_phases(enum ebb_voice_mode mode)
{
    return mode == EBB_VOICE_ALL;
}

bool ebb_speech_fits(uint64_t len_us, uint64_t window_us)
{
    return len_us + EBB_SPEECH_MARGIN_US <= window_us;
}

static bool locale_tag(const char *v, char *out, size_t size)
{
    if (!v || !v[0])
        return false;
    if (!strcmp(v, "C") || !strcmp(v, "POSIX") || !strncmp(v, "C.", 2)) {
        snprintf(out, size, "en");
        return true;
    }
    size_t n = 0;
    for (; v[n] && v[n] != '.' && v[n] != '@' && n + 1 < size; n++) {
        char ch = v[n] == '_' ? '-' : v[n];
        out[n] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
    }
    out[n] = '\0';
    if (!ebb_language_valid(out)) {
        snprintf(out, size, "en");
        return true;
    }
    return true;
}

bool ebb_speech_language(const char *script_tag, const char *lc_all, const char *lc_messages,
                         const char *lang, char *out, size_t size)
{
    if (!size)
        return false;
    if (script_tag && script_tag[0] && ebb_language_valid(script_tag)) {
        locale_tag(script_tag, out, size);
        return true;
    }
    if (!locale_tag(lc_all, out, size) && !locale_tag(lc_messages, out, size) &&
        !locale_tag(lang, out, size))
        snprintf(out, size, "en");
    return false;
}
