/* history_view: the journal's chart, drawn with the renderer's shapes. Ratings rise
 * from 0 (calm) at the bottom to 10 at the top; before is a ring in the muted colour,
 * after a disc in the accent, a thin line between them; minutes per week are soft bars.
 * Colours come from the theme (no red anywhere). */
#include "history_view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "keymap.h"
#include "render.h"

void history_view_from_journal(struct history_view *hv, const struct ebb_journal *j, int64_t today)
{
    memset(hv, 0, sizeof *hv);
    hv->today = today;
    ebb_journal_chart(j, today, &hv->chart);
}

void history_view_load(struct history_view *hv, const char *path, time_t now,
                       struct ebb_diags *diags)
{
    struct ebb_journal j = {0};
    int rc = path && path[0] ? ebb_journal_read(path, &j, diags) : 0;
    history_view_from_journal(hv, &j, ebb_journal_today(now));
    hv->unreadable = rc != 0;
    ebb_journal_free(&j);
}

bool history_view_empty(const struct history_view *hv)
{
    return hv->chart.sessions == 0;
}

static float unit_of(int w, int h)
{
    return (float)(w < h ? w : h) / 720.0f;
}

void history_layout(int w, int h, struct history_layout *out)
{
    float u = unit_of(w, h);
    float left = w * 0.06f + 110 * u; /* room for "10 the worst" */
    float right = w * 0.94f;
    out->ratings = (SDL_FRect){left, h * 0.24f, right - left, h * 0.34f};
    out->weeks = (SDL_FRect){left, h * 0.74f, right - left, h * 0.12f};
    out->col_w = out->ratings.w / EBB_JOURNAL_CHART_DAYS;
}

float history_day_x(const struct history_layout *l, int i)
{
    return l->ratings.x + l->col_w * ((float)i + 0.5f);
}

float history_rating_y(const struct history_layout *l, double rating)
{
    if (rating < 0)
        rating = 0;
    if (rating > EBB_JOURNAL_RATING_MAX)
        rating = EBB_JOURNAL_RATING_MAX;
    return l->ratings.y + l->ratings.h * (float)(1.0 - rating / EBB_JOURNAL_RATING_MAX);
}

float history_bar_h(const struct history_layout *l, double minutes, double max_minutes)
{
    if (max_minutes <= 0 || minutes <= 0)
        return 0;
    double f = minutes / max_minutes;
    return l->weeks.h * (float)(f > 1 ? 1 : f);
}

void history_civil_of_day(int64_t day, int *year, int *month, int *mday)
{
    /* days since 1970-01-01 -> proleptic Gregorian date, in 400-year eras from 0000-03-01 */
    int64_t z = day + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *mday = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = m;
    *year = (int)(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

static void day_label(int64_t day, char *buf, size_t size)
{
    int y, m, d;
    history_civil_of_day(day, &y, &m, &d);
    /* the month's name and the order as the locale (LC_TIME) writes them */
    struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12};
    /* TRANSLATORS: a day under the history chart, as strftime(3) writes it: "%b %e" is
       "Jan  5"; write the order your language uses, like "%e. %b" or "%m月%d日" */
    if (strftime(buf, size, _("%b %e"), &tm) == 0 && size > 0)
        buf[0] = '\0';
    /* "%e" pads with a space: one space is enough */
    char *two = strstr(buf, "  ");
    if (two)
        memmove(two, two + 1, strlen(two + 1) + 1);
}

static void draw_grid(const struct history_view *hv, struct scene *sc,
                      const struct history_layout *l, float u)
{
    const struct theme *th = &sc->th;
    static const struct {
        int rating;
        const char *label;
    } lines[] = {{10, N_("10 the worst")}, {5, "5"}, {0, N_("0 calm")}};
    int lh = text_line_height(sc->text, TEXT_SMALL);
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        float y = history_rating_y(l, lines[i].rating);
        render_line(sc->ren, l->ratings.x, y, l->ratings.x + l->ratings.w, y, 1.5f * u,
                    theme_mix(th->guide, th->bg, 0.4f));
        text_draw(sc->text, TEXT_SMALL, _(lines[i].label), l->ratings.x - 14 * u, y - lh / 2.0f,
                  TEXT_RIGHT, th->muted);
    }
    char buf[32];
    float ly = l->ratings.y + l->ratings.h + 12 * u;
    int64_t first = hv->chart.days[0].day;
    day_label(first, buf, sizeof buf);
    text_draw(sc->text, TEXT_SMALL, buf, history_day_x(l, 0), ly, TEXT_CENTER, th->muted);
    day_label(first + EBB_JOURNAL_CHART_DAYS / 2, buf, sizeof buf);
    text_draw(sc->text, TEXT_SMALL, buf, history_day_x(l, EBB_JOURNAL_CHART_DAYS / 2), ly,
              TEXT_CENTER, th->muted);
    text_draw(sc->text, TEXT_SMALL, _("today"), history_day_x(l, EBB_JOURNAL_CHART_DAYS - 1), ly,
              TEXT_CENTER, th->muted);
}

static void draw_ratings(const struct history_view *hv, struct scene *sc,
                         const struct history_layout *l, float u)
{
    const struct theme *th = &sc->th;
    float r = l->col_w * 0.32f;
    if (r > 9 * u)
        r = 9 * u;
    for (int i = 0; i < EBB_JOURNAL_CHART_DAYS; i++) {
        const struct ebb_journal_day *d = &hv->chart.days[i];
        float x = history_day_x(l, i);
        float yb = history_rating_y(l, d->before_mean);
        float ya = history_rating_y(l, d->after_mean);
        if (d->sessions > 0 && d->before_count == 0 && d->after_count == 0) {
            /* practised, no rating given: a small quiet mark on the floor of the chart */
            render_disc(sc->ren, x, l->ratings.y + l->ratings.h, 3 * u, 1.5f * u, th->guide);
        }
        if (d->before_count > 0 && d->after_count > 0)
            render_line(sc->ren, x, yb, x, ya, 2.5f * u, th->guide);
        if (d->before_count > 0)
            render_ring(sc->ren, x, yb, r, 2.5f * u, th->muted);
        if (d->after_count > 0)
            render_disc(sc->ren, x, ya, r, 2 * u, th->accent);
    }
}

static void draw_legend(struct scene *sc, const struct history_layout *l, float y, float u)
{
    const struct theme *th = &sc->th;
    int lh = text_line_height(sc->text, TEXT_SMALL);
    float x = l->ratings.x + l->ratings.w;
    float cy = y + lh / 2.0f;
    x -= text_width(sc->text, TEXT_SMALL, _("after"));
    text_draw(sc->text, TEXT_SMALL, _("after"), x, y, TEXT_LEFT, th->muted);
    render_disc(sc->ren, x - 16 * u, cy, 7 * u, 2 * u, th->accent);
    x -= 44 * u + text_width(sc->text, TEXT_SMALL, _("before"));
    text_draw(sc->text, TEXT_SMALL, _("before"), x, y, TEXT_LEFT, th->muted);
    render_ring(sc->ren, x - 16 * u, cy, 7 * u, 2.5f * u, th->muted);
}

static void draw_weeks(const struct history_view *hv, struct scene *sc,
                       const struct history_layout *l, float u)
{
    const struct theme *th = &sc->th;
    const struct ebb_journal_chart *c = &hv->chart;
    float slot = l->weeks.w / EBB_JOURNAL_CHART_WEEKS;
    float base = l->weeks.y + l->weeks.h;
    int lh = text_line_height(sc->text, TEXT_SMALL);
    char buf[48];
    for (int w = 0; w < EBB_JOURNAL_CHART_WEEKS; w++) {
        float cx = l->weeks.x + slot * ((float)w + 0.5f);
        float bw = slot * 0.42f;
        float bh = history_bar_h(l, c->week_minutes[w], c->max_week_minutes);
        if (bh > 0) {
            if (bh < 4 * u)
                bh = 4 * u;
            /* whole pixels: the filled parts of a rounded rectangle meet without a seam */
            SDL_FRect bar = {roundf(cx - bw / 2), roundf(base - bh), roundf(bw), roundf(bh)};
            render_round_rect(sc->ren, bar, roundf(6 * u), theme_mix(th->accent, th->bg, 0.35f));
            /* TRANSLATORS: minutes practised in a week, a whole number */
            snprintf(buf, sizeof buf, _("%.0f min"),
                     c->week_minutes[w] < 1 && c->week_minutes[w] > 0 ? 1.0 : c->week_minutes[w]);
            text_draw(sc->text, TEXT_SMALL, buf, cx, base - bh - lh - 4 * u, TEXT_CENTER,
                      th->muted);
        }
        if (w == EBB_JOURNAL_CHART_WEEKS - 1) {
            snprintf(buf, sizeof buf, "%s", _("this week"));
        } else {
            char day[24];
            day_label(c->week_start[w], day, sizeof day);
            /* TRANSLATORS: the week that starts on this day */
            snprintf(buf, sizeof buf, _("from %s"), day);
        }
        text_draw(sc->text, TEXT_SMALL, buf, cx, base + 8 * u, TEXT_CENTER, th->muted);
    }
    render_line(sc->ren, l->weeks.x, base, l->weeks.x + l->weeks.w, base, 1.5f * u,
                theme_mix(th->guide, th->bg, 0.4f));
}

void history_view_draw(const struct history_view *hv, struct scene *sc)
{
    float u = unit_of(sc->w, sc->h);
    const struct theme *th = &sc->th;
    struct history_layout l;
    history_layout(sc->w, sc->h, &l);
    float x = sc->w * 0.06f;
    text_draw(sc->text, TEXT_LARGE, _("Your practice"), x, sc->h * 0.05f, TEXT_LEFT, th->text);
    char keys[128];
    text_draw(sc->text, TEXT_SMALL, keymap_hint(KEYMAP_HISTORY, keys, sizeof keys), sc->w / 2.0f,
              sc->h - 20 * u - text_line_height(sc->text, TEXT_SMALL), TEXT_CENTER, th->muted);
    if (hv->unreadable || history_view_empty(hv)) {
        const char *line = hv->unreadable
                               ? _("The journal could not be read just now; the terminal says why.")
                               : _("Nothing here yet. After a session, how you felt and the "
                                   "minutes you practised will show here.");
        text_draw_wrapped(sc->text, TEXT_BODY, line, sc->w / 2.0f, sc->h * 0.42f, sc->w * 0.7f, 3,
                          TEXT_CENTER, th->muted);
        return;
    }
    int lh = text_line_height(sc->text, TEXT_BODY);
    float head = l.ratings.y - lh - 24 * u;
    text_draw(sc->text, TEXT_BODY, _("How you felt, the last 30 days"), x, head, TEXT_LEFT, th->text);
    draw_legend(sc, &l, head + 4 * u, u);
    draw_grid(hv, sc, &l, u);
    draw_ratings(hv, sc, &l, u);
    float wh = l.weeks.y - lh - 40 * u;
    text_draw(sc->text, TEXT_BODY, _("Minutes practised each week"), x, wh, TEXT_LEFT, th->text);
    draw_weeks(hv, sc, &l, u);
}
