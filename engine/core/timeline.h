/* timeline: a breathing exercise + options + elapsed microseconds -> what is true at
 * that instant. A pure function: nothing is carried from call to call, so nothing
 * drifts. t = 0 is the start of `prepare`; every boundary falls on a whole microsecond
 * (each phase's length is rounded to the microsecond once, when the plan is built). */
#ifndef EBB_TIMELINE_H
#define EBB_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "script.h"

#define EBB_PACE_MIN 0.5
#define EBB_PACE_MAX 2.0

/* What the person chose, over the script's own settings. */
struct ebb_timeline_options {
    bool no_holds;  /* drop hold phases (the level stays continuous) */
    int cycles;     /* > 0: run this many cycles instead of the script's length */
    double minutes; /* > 0: run about this long (whole cycles) instead */
    double pace;    /* multiplies every phase's seconds, 0.5..2.0; 1 = as written */
};

/* Fills the defaults: holds kept, the script's own length, pace 1. */
void ebb_timeline_options_default(struct ebb_timeline_options *opt);

/* A plan built once per session from an exercise and options. It keeps a pointer to
 * the exercise (which must outlive it and not change under it) and owns its cycle
 * table. */
struct ebb_timeline {
    const struct ebb_exercise *ex;
    struct ebb_timeline_options opt;
    int phase_count;                 /* phases kept (holds dropped with no_holds) */
    int phase_index[EBB_PHASES_MAX]; /* kept phase -> index in ex->phases */
    double phase_from[EBB_PHASES_MAX]; /* breath level each kept phase starts at */
    double phase_to[EBB_PHASES_MAX];   /* breath level each kept phase ends at (a hold: its
                                          start level; the last one's is the cycle's end) */
    uint64_t prepare_us;             /* length of prepare */
    int cycle_count;                 /* cycles in the session, >= 1 */
    uint64_t *cycle_start_us;        /* owned; cycle_count + 1 entries, the last = end */
    double *cycle_scale;             /* owned; cycle_count entries: pace x ramp factor */
    uint64_t end_us;                 /* t at which the session is over */
    int steady_from;                 /* first cycle running at the final scale (pace x
                                        to_scale, or pace alone without a ramp) */
    uint64_t steady_phase_us[EBB_PHASES_MAX]; /* kept phase lengths from steady_from on */
    uint64_t steady_offset_us[EBB_PHASES_MAX + 1]; /* their starts within such a cycle */
    int event_rows_before[EBB_PHASES_MAX + 1]; /* rows of ebb_breath_events at the starts
                                                  of kept phases 0..i-1 of a cycle (PHASE,
                                                  and CUE unless silent); [phase_count]:
                                                  a whole cycle's */
};

/* Cycles a plan may hold: a 4-hour session of cycles as short as ~55 ms. */
#define EBB_TIMELINE_CYCLES_MAX 262144

enum ebb_stage { EBB_STAGE_PREPARE, EBB_STAGE_BREATHE, EBB_STAGE_DONE, EBB_STAGE_COUNT };

/* What is true at one instant. */
struct ebb_frame {
    uint64_t t_us;            /* the instant asked for */
    enum ebb_stage stage;
    int cycle;                /* 0-based cycle (0 during prepare, last cycle when done) */
    int cycle_count;          /* cycles in the session */
    int phase;                /* kept-phase index, 0 during prepare */
    int phase_source;         /* index in ex->phases of that phase */
    enum ebb_phase_kind kind; /* its kind */
    double progress;          /* 0..1 through the phase (or through prepare) */
    double level;             /* eased breath level 0..1 */
    uint64_t phase_start_us;  /* when the current phase (or prepare) began */
    uint64_t phase_end_us;    /* when it ends */
    double phase_left_s;      /* seconds left in the phase (or in prepare) */
    double session_left_s;    /* seconds left in the session */
    double prepare_left_s;    /* seconds left of prepare, 0 after it */
    bool done;                /* t >= end */
};

/* Builds the plan. Returns 0, or -1 with an error in `diags` (for example a ramp or
 * pace that would make the session longer than 4 hours). The exercise must be of kind
 * breathing. Free with ebb_timeline_deinit. opt NULL, or opt->pace 0, mean defaults
 * (pace 1). A duration session whose length falls exactly half way between two cycle
 * ends runs the longer; it runs the shorter when the longer would pass 4 hours. */
int ebb_timeline_init(struct ebb_timeline *tl, const struct ebb_exercise *ex,
                      const struct ebb_timeline_options *opt, struct ebb_diags *diags);

/* Frees the plan's tables; accepts a zeroed or already freed plan. */
void ebb_timeline_deinit(struct ebb_timeline *tl);

/* The frame at `elapsed_us` since the start of prepare. O(log cycles). */
void ebb_timeline_at(const struct ebb_timeline *tl, uint64_t elapsed_us, struct ebb_frame *out);

/* The kept phase under session time t (prepare_us <= t < end_us): returns its index,
 * with its cycle, start and end. O(log cycles) (+ a walk of a ramping cycle's phases).
 * Returns -1 when t is outside the breathing part. */
int ebb_timeline_locate(const struct ebb_timeline *tl, uint64_t t, int *cycle,
                        uint64_t *start_us, uint64_t *end_us);

/* Length of kept phase `phase` in cycle `cycle`, in microseconds. */
uint64_t ebb_timeline_phase_us(const struct ebb_timeline *tl, int cycle, int phase);

/* A boundary: the start of a phase (cycle, phase), or the end (phase = -1). */
struct ebb_boundary {
    uint64_t t_us;
    int cycle;
    int phase; /* kept-phase index, or -1 for the end of the session */
};

/* The first boundary at or after `from_us`; returns 0, or -1 when there is none. */
int ebb_timeline_next_boundary(const struct ebb_timeline *tl, uint64_t from_us,
                               struct ebb_boundary *out);

/* Breath level for an ease at progress p (0..1) from level a to level b. */
double ebb_ease_apply(enum ebb_ease ease, double a, double b, double p);

#endif
