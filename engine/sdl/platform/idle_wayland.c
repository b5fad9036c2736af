/* idle_wayland: ebb's own idle inhibitor on Wayland (idle_wayland.h). The two interfaces
 * of idle-inhibit-unstable-v1 are described here by hand (two requests each), so no
 * protocol generator is needed at build time. Everything runs on a private event queue,
 * so SDL's own dispatching never sees these objects. */
#include "idle_wayland.h"

#include <SDL_syswm.h>
#include <stdlib.h>
#include <string.h>

#ifdef EBB_HAVE_WAYLAND
#include <wayland-client.h>

/* zwp_idle_inhibitor_v1: destroy */
static const struct wl_message inhibitor_requests[] = {{"destroy", "", NULL}};
static const struct wl_interface inhibitor_interface = {
    "zwp_idle_inhibitor_v1", 1, 1, inhibitor_requests, 0, NULL};

/* zwp_idle_inhibit_manager_v1: destroy, create_inhibitor(new_id, wl_surface) */
static const struct wl_interface *create_types[] = {&inhibitor_interface, &wl_surface_interface};
static const struct wl_message manager_requests[] = {{"destroy", "", NULL},
                                                     {"create_inhibitor", "no", create_types}};
static const struct wl_interface manager_interface = {
    "zwp_idle_inhibit_manager_v1", 1, 2, manager_requests, 0, NULL};

#define MANAGER_DESTROY 0
#define MANAGER_CREATE_INHIBITOR 1
#define INHIBITOR_DESTROY 0

struct idle_wayland {
    struct wl_display *display;      /* SDL's */
    struct wl_surface *surface;      /* SDL's, of ebb's window */
    struct wl_event_queue *queue;    /* ours */
    struct wl_proxy *manager;        /* zwp_idle_inhibit_manager_v1, or NULL */
    struct wl_proxy *inhibitor;      /* while the screen is kept awake */
};

static void global(void *data, struct wl_registry *reg, uint32_t name, const char *iface,
                   uint32_t version)
{
    struct idle_wayland *iw = data;
    (void)version;
    if (!iw->manager && strcmp(iface, manager_interface.name) == 0)
        iw->manager = wl_registry_bind(reg, name, &manager_interface, 1);
}

static void global_remove(void *data, struct wl_registry *reg, uint32_t name)
{
    (void)data, (void)reg, (void)name;
}

static const struct wl_registry_listener registry_listener = {global, global_remove};

struct idle_wayland *idle_wayland_open(SDL_Window *win)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!win || !SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_WAYLAND)
        return NULL;
    struct idle_wayland *iw = calloc(1, sizeof *iw);
    if (!iw)
        return NULL;
    iw->display = info.info.wl.display;
    iw->surface = info.info.wl.surface;
    iw->queue = wl_display_create_queue(iw->display);
    struct wl_display *wrapped = iw->queue ? wl_proxy_create_wrapper(iw->display) : NULL;
    if (wrapped) {
        wl_proxy_set_queue((struct wl_proxy *)wrapped, iw->queue);
        struct wl_registry *reg = wl_display_get_registry(wrapped);
        wl_proxy_wrapper_destroy(wrapped);
        if (reg) {
            wl_registry_add_listener(reg, &registry_listener, iw);
            wl_display_roundtrip_queue(iw->display, iw->queue);
            wl_registry_destroy(reg);
        }
    }
    if (!iw->manager) {
        idle_wayland_close(iw);
        return NULL;
    }
    return iw;
}

void idle_wayland_set(struct idle_wayland *iw, bool on)
{
    if (!iw || on == (iw->inhibitor != NULL))
        return;
    if (on) {
        iw->inhibitor = wl_proxy_marshal_constructor(iw->manager, MANAGER_CREATE_INHIBITOR,
                                                     &inhibitor_interface, NULL, iw->surface);
    } else {
        wl_proxy_marshal(iw->inhibitor, INHIBITOR_DESTROY);
        wl_proxy_destroy(iw->inhibitor);
        iw->inhibitor = NULL;
    }
    wl_display_flush(iw->display);
}

void idle_wayland_close(struct idle_wayland *iw)
{
    if (!iw)
        return;
    idle_wayland_set(iw, false);
    if (iw->manager) {
        wl_proxy_marshal(iw->manager, MANAGER_DESTROY);
        wl_proxy_destroy(iw->manager);
    }
    wl_display_flush(iw->display);
    if (iw->queue)
        wl_event_queue_destroy(iw->queue);
    free(iw);
}

#else /* built without wayland-client: SDL's screensaver control alone */

struct idle_wayland *idle_wayland_open(SDL_Window *win)
{
    (void)win;
    return NULL;
}

void idle_wayland_set(struct idle_wayland *iw, bool on)
{
    (void)iw, (void)on;
}

void idle_wayland_close(struct idle_wayland *iw)
{
    (void)iw;
}

#endif
