// SPDX-License-Identifier: GPL-2.0-only
/*
 * rmi-init: the init of the initramfs that "make run" and "make
 * module-test" boot on the real Arm CCA stack.  There is no root file
 * system and no shell: this program is the whole user space.
 *
 * Its arguments, the words of the kernel command line after "--" (the
 * kernel's built-in command line: TF-A passes none), name modules and
 * their parameters:
 *
 *	-- /rmi.ko ram_mb=16 nr_recs=2 /other.ko ...
 *
 * It loads each module with finit_module() in order, then unloads them in
 * reverse order, says on the console what happened to each, and powers
 * the machine off.  The exit code of the run is on the console: the last
 * line is "rmi-init: N loaded, N unloaded, N failed".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_MODULES	8
#define MAX_PARAMS	512

struct module {
	const char *path;
	char name[64];
	char params[MAX_PARAMS];
	int loaded;
};

static int is_module(const char *arg)
{
	size_t n = strlen(arg);

	return n > 3 && !strcmp(arg + n - 3, ".ko");
}

/* "/dir/rmi_test.ko" -> "rmi_test", as the kernel names the module. */
static void module_name(const char *path, char *name, size_t size)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	snprintf(name, size, "%.*s", (int)(strlen(base) - 3), base);
}

static int load(struct module *m)
{
	int fd = open(m->path, O_RDONLY | O_CLOEXEC);
	long ret;

	if (fd < 0) {
		printf("rmi-init: %s: %s\n", m->path, strerror(errno));
		return -1;
	}
	printf("rmi-init: loading %s %s\n", m->path, m->params);
	fflush(stdout);
	ret = syscall(SYS_finit_module, fd, m->params, 0);
	close(fd);
	if (ret) {
		printf("rmi-init: %s not loaded: %s\n", m->name, strerror(errno));
		return -1;
	}
	m->loaded = 1;
	printf("rmi-init: %s loaded\n", m->name);
	return 0;
}

static int unload(struct module *m)
{
	if (syscall(SYS_delete_module, m->name, O_NONBLOCK)) {
		printf("rmi-init: %s not unloaded: %s\n", m->name, strerror(errno));
		return -1;
	}
	printf("rmi-init: %s unloaded\n", m->name);
	return 0;
}

int main(int argc, char **argv)
{
	struct module mods[MAX_MODULES] = { 0 };
	int n = 0, loaded = 0, unloaded = 0, failed = 0;
	int i;

	for (i = 1; i < argc; i++) {
		struct module *m;

		if (is_module(argv[i])) {
			if (n == MAX_MODULES) {
				printf("rmi-init: more than %d modules\n", MAX_MODULES);
				failed++;
				break;
			}
			m = &mods[n++];
			m->path = argv[i];
			module_name(argv[i], m->name, sizeof(m->name));
			continue;
		}
		m = n ? &mods[n - 1] : NULL;
		if (!m || strlen(m->params) + strlen(argv[i]) + 2 > MAX_PARAMS) {
			printf("rmi-init: ignoring argument %s\n", argv[i]);
			continue;
		}
		if (m->params[0])
			strcat(m->params, " ");
		strcat(m->params, argv[i]);
	}
	if (n == 0)
		printf("rmi-init: no module named on the command line\n");

	for (i = 0; i < n; i++) {
		if (load(&mods[i]))
			failed++;
		else
			loaded++;
	}
	for (i = n - 1; i >= 0; i--) {
		if (!mods[i].loaded)
			continue;
		if (unload(&mods[i]))
			failed++;
		else
			unloaded++;
	}

	printf("rmi-init: %d loaded, %d unloaded, %d failed\n",
	       loaded, unloaded, failed);
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
