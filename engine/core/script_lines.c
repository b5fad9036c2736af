/* script_lines: gives every element of a list or array the line it starts on.
 *
 * libconfig 1.5 records a setting's line when its parser reduces it. For a string in a
 * list it must first read the next token (an adjacent string would join it), so in
 * `items = [ "a",\n "b"\n ];` the last item gets the line of the `]`. Named settings
 * are right (their line is taken at the name). After a successful parse this file
 * walks the text again next to the parsed tree, with a small lexer that knows
 * libconfig's strings and comments, and sets each element's line to where its value
 * starts. The walk checks every step against the tree; if anything does not match, no
 * line is changed, so the worst case is libconfig's own line. */
#include <stdbool.h>
#include <string.h>

#include "script_int.h"

/* Token kinds: one of the punctuation characters "{}()[],;=:", or these. */
enum { TOK_END = 0, TOK_STRING = 's', TOK_WORD = 'w', TOK_OTHER = '?' };

struct lex {
    const char *b;
    size_t len, i;
    int line;         /* line of b[i] */
    int tok;          /* the current token's kind */
    int tok_line;     /* the line it starts on */
    size_t tok_start; /* its first byte */
    size_t tok_len;   /* its length in bytes */
    bool apply;       /* false: only check that the walk matches the tree */
};

static bool is_punct(char c)
{
    return c && strchr("{}()[],;=:", c) != NULL;
}

/* Skips blanks, newlines and comments; returns false at the end of the text. */
static bool skip_space(struct lex *lx)
{
    const char *b = lx->b;
    while (lx->i < lx->len) {
        char c = b[lx->i];
        char d = lx->i + 1 < lx->len ? b[lx->i + 1] : '\0';
        if (c == '\n') {
            lx->line++;
            lx->i++;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            lx->i++;
        } else if (c == '#' || (c == '/' && d == '/')) {
            while (lx->i < lx->len && b[lx->i] != '\n')
                lx->i++;
        } else if (c == '/' && d == '*') {
            for (lx->i += 2; lx->i < lx->len; lx->i++) {
                if (b[lx->i] == '*' && lx->i + 1 < lx->len && b[lx->i + 1] == '/')
                    break;
                if (b[lx->i] == '\n')
                    lx->line++;
            }
            lx->i = lx->i < lx->len ? lx->i + 2 : lx->len;
        } else {
            return true;
        }
    }
    return false;
}

static void next(struct lex *lx)
{
    if (!skip_space(lx)) {
        lx->tok = TOK_END;
        return;
    }
    const char *b = lx->b;
    lx->tok_line = lx->line;
    lx->tok_start = lx->i;
    char c = b[lx->i];
    if (is_punct(c)) {
        lx->tok = c;
        lx->i++;
    } else if (c == '"') {
        lx->tok = TOK_STRING;
        for (lx->i++; lx->i < lx->len && b[lx->i] != '"'; lx->i++) {
            if (b[lx->i] == '\\' && lx->i + 1 < lx->len)
                lx->i++;
            if (b[lx->i] == '\n')
                lx->line++;
        }
        if (lx->i < lx->len)
            lx->i++;
    } else {
        /* a name, a number or a boolean: everything up to a blank, a comment or a
         * punctuation mark */
        lx->tok = TOK_WORD;
        while (lx->i < lx->len) {
            c = b[lx->i];
            if (is_punct(c) || c == '"' || c == '#' || c == '/' || c == ' ' || c == '\t' ||
                c == '\r' || c == '\n' || c == '\f' || c == '\v')
                break;
            lx->i++;
        }
        if (lx->i == lx->tok_start) {
            lx->tok = TOK_OTHER;
            lx->i++;
        }
    }
    lx->tok_len = lx->i - lx->tok_start;
}

static bool walk_value(struct lex *lx, config_setting_t *s);

/* The settings of a group up to `closer` (TOK_END for the file's top level). */
static bool walk_group(struct lex *lx, config_setting_t *g, int closer)
{
    while (lx->tok != closer) {
        char name[128];
        if (lx->tok != TOK_WORD || lx->tok_len >= sizeof name)
            return false;
        memcpy(name, lx->b + lx->tok_start, lx->tok_len);
        name[lx->tok_len] = '\0';
        next(lx);
        if (lx->tok != '=' && lx->tok != ':')
            return false;
        next(lx);
        config_setting_t *child = config_setting_get_member(g, name);
        if (!child || !walk_value(lx, child))
            return false;
        if (lx->tok == ';' || lx->tok == ',')
            next(lx);
    }
    return true;
}

/* The elements of a list or array up to `closer`. */
static bool walk_list(struct lex *lx, config_setting_t *s, int closer)
{
    int k = 0;
    while (lx->tok != closer) {
        config_setting_t *e = config_setting_get_elem(s, (unsigned int)k);
        if (!e)
            return false;
        if (lx->apply)
            e->line = (unsigned int)lx->tok_line;
        if (!walk_value(lx, e))
            return false;
        k++;
        if (lx->tok == ',')
            next(lx);
        else if (lx->tok != closer)
            return false;
    }
    return k == config_setting_length(s);
}

/* One value, starting at the current token, matched against setting s. */
static bool walk_value(struct lex *lx, config_setting_t *s)
{
    int type = config_setting_type(s);
    int tok = lx->tok;
    if (tok == '{' || tok == '(' || tok == '[') {
        int want = tok == '{'   ? CONFIG_TYPE_GROUP
                   : tok == '(' ? CONFIG_TYPE_LIST
                                : CONFIG_TYPE_ARRAY;
        int closer = tok == '{' ? '}' : tok == '(' ? ')' : ']';
        if (type != want)
            return false;
        next(lx);
        bool ok = tok == '{' ? walk_group(lx, s, closer) : walk_list(lx, s, closer);
        if (!ok)
            return false;
        next(lx);
        return true;
    }
    if (tok == TOK_STRING) {
        if (type != CONFIG_TYPE_STRING)
            return false;
        while (lx->tok == TOK_STRING) /* adjacent strings are one value */
            next(lx);
        return true;
    }
    if (tok == TOK_WORD) {
        if (type == CONFIG_TYPE_GROUP || type == CONFIG_TYPE_LIST || type == CONFIG_TYPE_ARRAY ||
            type == CONFIG_TYPE_STRING)
            return false;
        next(lx);
        return true;
    }
    return false;
}

/* One pass over the text; true when it matched the tree to the end. */
static bool walk_text(config_t *cfg, const char *text, bool apply)
{
    struct lex lx = {text, strlen(text), 0, 1, TOK_END, 1, 0, 0, apply};
    next(&lx);
    config_setting_t *root = config_root_setting(cfg);
    return root && walk_group(&lx, root, TOK_END) && lx.tok == TOK_END;
}

void script_fix_lines(config_t *cfg, const char *text)
{
    if (walk_text(cfg, text, false))
        walk_text(cfg, text, true);
}
