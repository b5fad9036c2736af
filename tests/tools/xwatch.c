/* xwatch: measures, on a real X server (Xvfb), the time from a key pressed in ebb's
 * window to that window being gone (unmapped or destroyed), as a person sees it.
 *   xwatch KEY WAIT_S
 * waits for the first top-level window to be mapped, WAIT_S seconds more (the screen
 * settles: a session running), then sends KEY (an X keysym name: q, Escape) to that
 * window and prints "exit_ms N" when it is unmapped or destroyed. Exit 0; 1 when no
 * window came within 30 s or it did not go within 10 s of the key. */
#define _POSIX_C_SOURCE 200809L
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The next event within ms milliseconds; 0 when none came. */
static int next_event(Display *d, XEvent *ev, double until_ms)
{
    while (!XPending(d)) {
        double left = until_ms - now_ms();
        if (left <= 0)
            return 0;
        struct pollfd p = {ConnectionNumber(d), POLLIN, 0};
        poll(&p, 1, (int)left + 1);
    }
    XNextEvent(d, ev);
    return 1;
}

static void send_key(Display *d, Window w, KeySym sym, int type)
{
    XKeyEvent k;
    memset(&k, 0, sizeof k);
    k.type = type;
    k.display = d;
    k.window = w;
    k.root = DefaultRootWindow(d);
    k.subwindow = None;
    k.time = CurrentTime;
    k.same_screen = True;
    k.keycode = XKeysymToKeycode(d, sym);
    XSendEvent(d, w, True, type == KeyPress ? KeyPressMask : KeyReleaseMask, (XEvent *)&k);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: xwatch KEY WAIT_S\n");
        return 2;
    }
    KeySym sym = XStringToKeysym(argv[1]);
    double wait_ms = atof(argv[2]) * 1e3;
    Display *d = XOpenDisplay(NULL);
    if (!d || sym == NoSymbol) {
        fprintf(stderr, "xwatch: no display, or no key %s\n", argv[1]);
        return 1;
    }
    XSelectInput(d, DefaultRootWindow(d), SubstructureNotifyMask);
    XSync(d, False);
    XEvent ev;
    Window w = None;
    double give_up = now_ms() + 30e3;
    while (w == None && next_event(d, &ev, give_up))
        if (ev.type == MapNotify && !ev.xmap.override_redirect)
            w = ev.xmap.window;
    if (w == None) {
        fprintf(stderr, "xwatch: no window was mapped\n");
        return 1;
    }
    double settle = now_ms() + wait_ms;
    while (next_event(d, &ev, settle)) {
    }
    XSetInputFocus(d, w, RevertToPointerRoot, CurrentTime);
    double t0 = now_ms();
    send_key(d, w, sym, KeyPress);
    send_key(d, w, sym, KeyRelease);
    XFlush(d);
    give_up = t0 + 10e3;
    while (next_event(d, &ev, give_up)) {
        if ((ev.type == UnmapNotify && ev.xunmap.window == w) ||
            (ev.type == DestroyNotify && ev.xdestroywindow.window == w)) {
            printf("exit_ms %.0f\n", now_ms() - t0);
            XCloseDisplay(d);
            return 0;
        }
    }
    fprintf(stderr, "xwatch: the window was still there 10 s after the key\n");
    XCloseDisplay(d);
    return 1;
}
