/* SPDX-License-Identifier: GPL-3.0-or-later */
/* init.c: the /init of make check-linux's initramfs.  It loads the machine
 * from user space through real kernel paths (pipes and files carrying
 * checksummed data, fork and exec, signals, interval timers), so that the
 * kernel's converted functions run under interrupts; with the function
 * tracer in the kernel it also switches it on and off through tracefs every
 * round, so that ftrace patches live functions meanwhile; it checks every byte,
 * prints one summary line and stops the machine: through QEMU's
 * isa-debug-exit (0x10 pass, 0x11 fail) when the port is there, else by
 * reboot, which -no-reboot turns into QEMU's exit.
 *
 *   /init              the test (as PID 1)
 *   /init child FD N   (exec'd by the test) write N checksummed blocks to FD
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define ROUNDS 40
#define BLOCKS 64		/* per pipe transfer */
#define BLOCK 4096
#define FILES 8
#define DEBUG_EXIT 0xF4

static volatile sig_atomic_t alarms, usr1s;
static unsigned long errors;

static void on_alarm(int sig) { (void)sig; alarms++; }
static void on_usr1(int sig) { (void)sig; usr1s++; }

/* A block: 8-byte sequence number, pseudo-random bytes, FNV-1a of the rest
 * in the last 8 bytes. */
static uint64_t fnv(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;

	while (n--)
		h = (h ^ *p++) * 0x100000001b3u;
	return h;
}

static void fill(unsigned char *b, uint64_t seq)
{
	uint64_t x = seq * 0x9E3779B97F4A7C15u + 1;

	memcpy(b, &seq, 8);
	for (size_t i = 8; i < BLOCK - 8; i++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		b[i] = (unsigned char)x;
	}
	uint64_t h = fnv(b, BLOCK - 8);
	memcpy(b + BLOCK - 8, &h, 8);
}

static int good(const unsigned char *b, uint64_t seq)
{
	uint64_t s, h;

	memcpy(&s, b, 8);
	memcpy(&h, b + BLOCK - 8, 8);
	return s == seq && h == fnv(b, BLOCK - 8);
}

static int full_read(int fd, unsigned char *b, size_t n)
{
	while (n) {
		ssize_t r = read(fd, b, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		b += r;
		n -= (size_t)r;
	}
	return 0;
}

static int full_write(int fd, const unsigned char *b, size_t n)
{
	while (n) {
		ssize_t r = write(fd, b, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		b += r;
		n -= (size_t)r;
	}
	return 0;
}

static void fail(const char *what)
{
	errors++;
	if (errors <= 8)
		printf("init: FAIL %s (%s)\n", what, strerror(errno));
}

static int child(int fd, long n)
{
	static unsigned char b[BLOCK];

	for (long i = 0; i < n; i++) {
		fill(b, (uint64_t)i);
		if (full_write(fd, b, BLOCK))
			return 1;
		if (i % 16 == 0)
			kill(getppid(), SIGUSR1);
	}
	return 0;
}

/* A child exec'd through /init writes checksummed blocks into a pipe. */
static void pipe_round(unsigned long *bytes)
{
	static unsigned char b[BLOCK];
	int p[2];

	if (pipe(p)) {
		fail("pipe");
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		char fd[16], n[16];
		close(p[0]);
		snprintf(fd, sizeof fd, "%d", p[1]);
		snprintf(n, sizeof n, "%d", BLOCKS);
		execl("/init", "init", "child", fd, n, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	if (pid < 0) {
		fail("fork");
		close(p[0]);
		return;
	}
	for (uint64_t i = 0; i < BLOCKS; i++) {
		if (full_read(p[0], b, BLOCK) || !good(b, i)) {
			fail("pipe data");
			break;
		}
		*bytes += BLOCK;
	}
	close(p[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		fail("child exit");
}

/* Write files, read them back, compare. */
static void file_round(unsigned round, unsigned long *bytes)
{
	static unsigned char b[BLOCK];
	char name[32];

	for (unsigned f = 0; f < FILES; f++) {
		snprintf(name, sizeof name, "/tmp-%u", f);
		int fd = open(name, O_CREAT | O_TRUNC | O_RDWR, 0600);
		if (fd < 0) {
			fail("open");
			return;
		}
		for (uint64_t i = 0; i < 8; i++) {
			fill(b, round * 1000 + f * 8 + i);
			if (full_write(fd, b, BLOCK))
				fail("file write");
		}
		if (lseek(fd, 0, SEEK_SET))
			fail("lseek");
		for (uint64_t i = 0; i < 8; i++)
			if (full_read(fd, b, BLOCK) || !good(b, round * 1000 + f * 8 + i))
				fail("file data");
		*bytes += 8 * BLOCK;
		close(fd);
		unlink(name);
	}
}

/* The function tracer through tracefs, when the kernel has one: -1 when
 * not, else how many times it was switched. */
static int tracer = -1;

static void trace_setup(void)
{
	mkdir("/tracing", 0755);
	if (mount("tracefs", "/tracing", "tracefs", 0, NULL) == 0 &&
	    access("/tracing/current_tracer", W_OK) == 0)
		tracer = 0;
}

static void trace_switch(int on)
{
	if (tracer < 0)
		return;
	int fd = open("/tracing/current_tracer", O_WRONLY | O_TRUNC);
	const char *t = on ? "function\n" : "nop\n";
	if (fd < 0 || write(fd, t, strlen(t)) != (ssize_t)strlen(t))
		fail("current_tracer");
	else
		tracer++;
	if (fd >= 0)
		close(fd);
}

static void stop(int pass)
{
	/* The console sends from interrupts: let it finish before QEMU goes,
	 * or the last lines (the verdict) are lost. */
	fflush(stdout);
	tcdrain(STDOUT_FILENO);
	usleep(200000);
	sync();
	if (ioperm(DEBUG_EXIT, 4, 1) == 0)
		outl(pass ? 0x10 : 0x11, DEBUG_EXIT);
	reboot(RB_AUTOBOOT);
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "child"))
		return child(atoi(argv[2]), atol(argv[3]));

	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("init: loading the machine from user space: %d rounds of pipes, "
	       "files, fork/exec, signals, timers\n", ROUNDS);
	signal(SIGALRM, on_alarm);
	signal(SIGUSR1, on_usr1);
	struct itimerval it = { { 0, 1000 }, { 0, 1000 } };	/* 1 kHz */
	if (setitimer(ITIMER_REAL, &it, NULL))
		fail("setitimer");

	unsigned long pipe_bytes = 0, file_bytes = 0;
	trace_setup();
	for (unsigned r = 0; r < ROUNDS; r++) {
		trace_switch(r % 2 == 0);
		pipe_round(&pipe_bytes);
		file_round(r, &file_bytes);
	}
	trace_switch(0);
	it.it_value.tv_usec = it.it_interval.tv_usec = 0;
	setitimer(ITIMER_REAL, &it, NULL);

	printf("init: summary: %lu bytes through pipes, %lu through files, %d "
	       "execs, %d SIGALRM, %d SIGUSR1, %lu errors\n", pipe_bytes,
	       file_bytes, ROUNDS, (int)alarms, (int)usr1s, errors);
	if (tracer >= 0)
		printf("init: function tracer switched %d times\n", tracer);
	else
		printf("init: no function tracer (tracefs)\n");
	int pass = !errors && alarms > 0 && usr1s > 0 &&
		   pipe_bytes == (unsigned long)ROUNDS * BLOCKS * BLOCK;
	printf("init: RESULT: %s\n", pass ? "PASS" : "FAIL");
	stop(pass);
}
