/* SPDX-License-Identifier: MIT */
/* workload.c: the code under attack.  Leaf functions of the kinds a kernel
 * is full of (checksums, hashing, small sorts, string and bit tricks), each
 * keeping a small array (at most 32 bytes) in its stack frame, so that the
 * plugin moves the frame into the red-zone window (a 32-byte window fits
 * every one of them).  Every function is a pure function of its input
 * (n >= 32 bytes at p); main.c compares each result under attack with the
 * same call made with interrupts off.
 *
 * They must stay harmless when their data is corrupted (that is what the
 * BROKEN control does to them): stores go only to their own arrays, through
 * masked indices, so corruption shows up as a wrong result, never as a wild
 * write; a loop whose bounds get corrupted is caught by trap.c's watchdog. */
#include "kernel.h"
#include "lapic.h"
#include "panic.h"

uint8_t workload_data[512];

static inline uint32_t load32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* CRC-32 (IEEE, reflected), two bits at a time from a 4-entry table. */
uint64_t crc32_2bit(const uint8_t *p, uint64_t n)
{
	uint32_t t[4];

	for (uint32_t i = 0; i < 4; i++) {
		uint32_t c = i;
		for (int k = 0; k < 2; k++)
			c = c & 1 ? (c >> 1) ^ 0xEDB88320u : c >> 1;
		t[i] = c;
	}
	uint32_t crc = 0xFFFFFFFFu;
	for (uint64_t i = 0; i < n; i++) {
		crc ^= p[i];
		for (int k = 0; k < 4; k++)
			crc = (crc >> 2) ^ t[crc & 3];
	}
	return ~crc;
}

/* FNV-1a over four lanes; the lane depends on the data. */
uint64_t fnv1a_lanes(const uint8_t *p, uint64_t n)
{
	uint64_t h[4];

	for (int i = 0; i < 4; i++)
		h[i] = 0xCBF29CE484222325u + i;
	for (uint64_t i = 0; i < n; i++) {
		unsigned l = (p[i] ^ i) & 3;
		h[l] = (h[l] ^ p[i]) * 0x100000001B3u;
	}
	return h[0] ^ h[1] << 1 ^ h[2] << 2 ^ h[3] << 3;
}

/* Histogram of the nibbles, folded into one number. */
uint64_t nibble_histogram(const uint8_t *p, uint64_t n)
{
	uint16_t h[16];

	for (int i = 0; i < 16; i++)
		h[i] = 0;
	for (uint64_t i = 0; i < n; i++) {
		h[p[i] & 15] += 1;
		h[p[i] >> 4] += 2;
	}
	uint64_t r = 0;
	for (int i = 0; i < 16; i++)
		r = r * 131 + h[i];
	return r;
}

/* Insertion sort of eight words picked from the input; bit 0 says sorted. */
uint64_t sort8(const uint8_t *p, uint64_t n)
{
	uint32_t a[8];

	for (unsigned i = 0; i < 8; i++)
		a[i] = load32(p + (i * 7) % (n - 3));
	for (int i = 1; i < 8; i++) {
		uint32_t v = a[i];
		int j = i;
		while (j > 0 && a[(j - 1) & 7] > v) {
			a[j & 7] = a[(j - 1) & 7];
			j--;
		}
		a[j & 7] = v;
	}
	uint64_t r = 0;
	int sorted = 1;
	for (int i = 0; i < 8; i++) {
		r = r * 0x9E3779B1u + a[i];
		if (i && a[i - 1] > a[i])
			sorted = 0;
	}
	return r << 1 | sorted;
}

/* Shell sort (gaps 7, 3, 1) of sixteen halfwords; bit 0 says sorted. */
uint64_t shellsort16(const uint8_t *p, uint64_t n)
{
	static const uint8_t gaps[3] = { 7, 3, 1 };
	uint16_t a[16];

	for (unsigned i = 0; i < 16; i++)
		a[i] = p[i] | p[n - 1 - i] << 8;
	for (int g = 0; g < 3; g++) {
		unsigned gap = gaps[g];
		for (unsigned i = gap; i < 16; i++) {
			uint16_t v = a[i & 15];
			unsigned j = i;
			while (j >= gap && a[(j - gap) & 15] > v) {
				a[j & 15] = a[(j - gap) & 15];
				j -= gap;
			}
			a[j & 15] = v;
		}
	}
	uint64_t r = 0;
	int sorted = 1;
	for (int i = 0; i < 16; i++) {
		r = r * 65599 + a[i];
		if (i && a[i - 1] > a[i])
			sorted = 0;
	}
	return r << 1 | sorted;
}

/* Reverse up to 32 bytes in place, then hash them by position. */
uint64_t reverse_hash(const uint8_t *p, uint64_t n)
{
	char buf[32];
	unsigned len = n < 32 ? n : 32;

	for (unsigned i = 0; i < len; i++)
		buf[i & 31] = p[i];
	for (unsigned i = 0, j = len - 1; i < j; i++, j--) {
		char t = buf[i & 31];
		buf[i & 31] = buf[j & 31];
		buf[j & 31] = t;
	}
	uint64_t h = 0;
	for (unsigned i = 0; i < len; i++)
		h = h * 33 + (uint8_t)buf[i & 31] * (i + 1);
	return h;
}

/* Print numbers in decimal and parse them back; bit 0 says they agreed. */
uint64_t decimal_roundtrip(const uint8_t *p, uint64_t n)
{
	char buf[32];
	uint64_t h = 0, off = 0;
	int ok = 1;

	do {
		uint64_t v = ((uint64_t)load32(p + off + 4) << 32 | load32(p + off))
			     >> (p[off] & 31);
		uint64_t x = v;
		unsigned len = 0;
		do {
			buf[len & 31] = '0' + x % 10;	/* least significant first */
			x /= 10;
			len++;
		} while (x);
		uint64_t w = 0;
		for (unsigned i = len; i-- > 0;)
			w = w * 10 + (buf[i & 31] - '0');
		ok &= w == v;
		h = (h * 1000003) ^ w ^ (uint64_t)len << 56;
		off += 8;
	} while (off + 8 <= n);
	return h << 1 | ok;
}

/* Population count through a 16-entry nibble table. */
uint64_t popcount_table(const uint8_t *p, uint64_t n)
{
	uint8_t t[16];

	for (unsigned i = 0; i < 16; i++)
		t[i] = (i & 1) + (i >> 1 & 1) + (i >> 2 & 1) + (i >> 3 & 1);
	uint64_t total = 0, weighted = 0;
	for (uint64_t i = 0; i < n; i++) {
		unsigned c = t[p[i] & 15] + t[p[i] >> 4];
		total += c;
		weighted += c * i;
	}
	return total << 32 | (uint32_t)weighted;
}

/* Reverse the bits of every byte through a nibble table. */
uint64_t bit_reverse(const uint8_t *p, uint64_t n)
{
	uint8_t rev[16];

	for (unsigned i = 0; i < 16; i++)
		rev[i] = (i & 1) << 3 | (i & 2) << 1 | (i & 4) >> 1 | (i & 8) >> 3;
	uint64_t h = 0;
	for (uint64_t i = 0; i < n; i++) {
		uint8_t r = rev[p[i] & 15] << 4 | rev[p[i] >> 4];
		h = (h << 5 | h >> 59) ^ r;
	}
	return h;
}

/* ROT13, then count character classes. */
uint64_t char_classes(const uint8_t *p, uint64_t n)
{
	uint32_t count[8];

	for (int i = 0; i < 8; i++)
		count[i] = 0;
	for (uint64_t i = 0; i < n; i++) {
		unsigned c = p[i] & 0x7F, cls;
		if (c >= 'a' && c <= 'z')
			c = 'a' + (c - 'a' + 13) % 26;
		else if (c >= 'A' && c <= 'Z')
			c = 'A' + (c - 'A' + 13) % 26;
		if (c >= 'a' && c <= 'm')
			cls = 0;
		else if (c >= 'n' && c <= 'z')
			cls = 1;
		else if (c >= 'A' && c <= 'Z')
			cls = 2;
		else if (c >= '0' && c <= '9')
			cls = 3;
		else if (c == ' ')
			cls = 4;
		else if (c < 32)
			cls = 5;
		else
			cls = c < 64 ? 6 : 7;
		count[cls]++;
	}
	uint64_t r = 0;
	for (int i = 0; i < 8; i++)
		r = r << 8 ^ r >> 56 ^ count[i];
	return r;
}

static inline char b64(unsigned x)
{
	return x < 26 ? 'A' + x : x < 52 ? 'a' + x - 26 :
	       x < 62 ? '0' + x - 52 : x == 62 ? '+' : '/';
}

/* Base64-encode 24-byte blocks into a 32-character buffer, hash it. */
uint64_t base64_hash(const uint8_t *p, uint64_t n)
{
	char out[32];
	uint64_t h = 0, i = 0;

	do {
		for (unsigned k = 0; k < 8; k++) {
			const uint8_t *q = p + i + 3 * k;
			uint32_t v = q[0] << 16 | q[1] << 8 | q[2];
			for (unsigned s = 0; s < 4; s++)
				out[(4 * k + s) & 31] = b64(v >> (18 - 6 * s) & 63);
		}
		for (unsigned k = 0; k < 32; k++)
			h = h * 31 + out[k];
		i += 24;
	} while (i + 24 <= n);
	return h;
}

/* Sieve of Eratosthenes below 256 in a 32-byte bitmap, then look every
 * input byte up in it. */
uint64_t prime_sieve(const uint8_t *p, uint64_t n)
{
	uint32_t composite[8];

	for (int i = 0; i < 8; i++)
		composite[i] = 0;
	composite[0] = 3;	/* 0 and 1 */
	for (unsigned i = 2; i * i < 256; i++)
		if (!(composite[i >> 5] >> (i & 31) & 1))
			for (unsigned j = i * i; j < 256; j += i)
				composite[(j >> 5) & 7] |= 1u << (j & 31);
	uint64_t h = 0;
	for (uint64_t i = 0; i < n; i++)
		h = h * 3 + !(composite[p[i] >> 5] >> (p[i] & 31) & 1);
	return h;
}

/* Euclid on every pair of eight words. */
uint64_t gcd_pairs(const uint8_t *p, uint64_t n)
{
	uint32_t v[8];
	uint64_t h = 0;

	for (unsigned i = 0; i < 8; i++)
		v[i] = (load32(p + (i * 5) % (n - 3)) >> (i * 3)) | 1;
	for (int i = 0; i < 8; i++)
		for (int j = i + 1; j < 8; j++) {
			uint32_t a = v[i], b = v[j];
			while (b) {
				uint32_t t = a % b;
				a = b;
				b = t;
			}
			h = h * 31 + a;
		}
	return h;
}

/* Fisher-Yates shuffle of 0..31 driven by the input; bit 0 says the result
 * is still a permutation. */
uint64_t shuffle_perm(const uint8_t *p, uint64_t n)
{
	uint8_t a[32];
	uint32_t x = 2463534242u ^ p[0];

	for (unsigned i = 0; i < 32; i++)
		a[i] = i;
	for (unsigned i = 31; i > 0; i--) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		x += p[i % n];
		unsigned j = x % (i + 1);
		uint8_t t = a[i & 31];
		a[i & 31] = a[j & 31];
		a[j & 31] = t;
	}
	uint32_t seen = 0;
	uint64_t h = 0;
	for (unsigned i = 0; i < 32; i++) {
		seen |= 1u << (a[i] & 31);
		h = h * 37 + a[i];
	}
	return h << 1 | (seen == 0xFFFFFFFFu);
}

/* Run-length encode into at most 16 (class, length) pairs, hash them. */
uint64_t run_lengths(const uint8_t *p, uint64_t n)
{
	uint8_t runs[32];
	unsigned k = 0;
	uint64_t i = 0;

	do {
		uint8_t b = p[i] >> 5;	/* coarse, so that runs happen */
		unsigned len = 0;
		do {
			i++;
			len++;
		} while (i < n && p[i] >> 5 == b && len < 255);
		runs[k & 31] = b;
		runs[(k + 1) & 31] = len;
		k += 2;
	} while (i < n && k < 32);
	uint64_t h = k;
	for (unsigned i = 0; i < k; i++)
		h = h * 257 + runs[i & 31];
	return h;
}

/* Folds its input into four lanes of its frame, and halfway through
 * reads through a non-canonical address: #GP, an exception with an error
 * code, taken while the window holds the lanes.  The load is an entry of
 * the exception table (kernel.ld's __ex_table, as Linux's): trap.c resumes
 * at its fixup, where the result says the read faulted.  With -mred-zone-
 * asm=deny the plugin converts this function: a load through a register
 * and a table entry in a data section do not touch the stack. */
uint64_t gp_probe(const uint8_t *p, uint64_t n)
{
	uint64_t lane[4] = { 1, 2, 3, 4 };
	uint64_t faulted = 1;

	for (uint64_t i = 0; i < n / 2; i++)
		lane[i & 3] = lane[i & 3] * 31 + p[i];
	__asm__ __volatile__("1:	movq (%1), %0\n\t"
			     "	movq $0, %0\n"
			     "2:\n\t"
			     ".pushsection __ex_table, \"a\"\n\t"
			     ".balign 8\n\t"
			     ".quad 1b, 2b\n\t"
			     ".popsection"
			     : "+r"(faulted)
			     : "r"(0x8000000000000000u ^ (uint64_t)p) : "memory");
	for (uint64_t i = n / 2; i < n; i++)
		lane[i & 3] = lane[i & 3] * 31 + p[i];
	return (lane[0] ^ lane[1] << 1 ^ lane[2] << 2 ^ lane[3] << 3) << 1 | faulted;
}

/* Sends an NMI to its own CPU halfway, with its lanes live in the window.
 * Stepped (RFLAGS.TF), the CPU takes the single-step #DB of the ICR write
 * first and the NMI right after it, at the #DB stub's first instruction,
 * where a direct stub has not yet moved %rsp past the window: the reason NMI
 * needs IST in both schemes (BROKEN=nmi shows what happens without). */
uint64_t nmi_probe(const uint8_t *p, uint64_t n)
{
	uint64_t lane[4] = { 5, 6, 7, 8 };

	for (uint64_t i = 0; i < n / 2; i++)
		lane[i & 3] = lane[i & 3] * 33 + p[i];
	lapic_ipi(lapic_id(), ICR_NMI);
	stats.nmis_self++;
	for (uint64_t i = n / 2; i < n; i++)
		lane[i & 3] = lane[i & 3] * 33 + p[i];
	return lane[0] ^ lane[1] << 1 ^ lane[2] << 2 ^ lane[3] << 3;
}

const struct work workload[] = {
	{ "crc32_2bit", crc32_2bit, 0 },
	{ "fnv1a_lanes", fnv1a_lanes, 0 },
	{ "nibble_histogram", nibble_histogram, 0 },
	{ "sort8", sort8, 1 },
	{ "shellsort16", shellsort16, 1 },
	{ "reverse_hash", reverse_hash, 0 },
	{ "decimal_roundtrip", decimal_roundtrip, 1 },
	{ "popcount_table", popcount_table, 0 },
	{ "bit_reverse", bit_reverse, 0 },
	{ "char_classes", char_classes, 0 },
	{ "base64_hash", base64_hash, 0 },
	{ "prime_sieve", prime_sieve, 0 },
	{ "gcd_pairs", gcd_pairs, 0 },
	{ "shuffle_perm", shuffle_perm, 1 },
	{ "run_lengths", run_lengths, 0 },
	{ "gp_probe", gp_probe, 1 },	/* bit 0: the read faulted */
	{ "nmi_probe", nmi_probe, 0 },
};
const unsigned workload_count = sizeof workload / sizeof workload[0];

/* Half text, half xorshift noise: inputs for every kind of function above. */
void workload_init(void)
{
	static const char text[] =
		"The quick brown fox jumps over the lazy dog; 0123456789 "
		"PACK MY BOX WITH FIVE DOZEN LIQUOR JUGS!\t(red zone)\n";
	uint32_t x = 88172645u;

	for (unsigned i = 0; i < sizeof workload_data; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		workload_data[i] = i < 256 ? (uint8_t)text[i % (sizeof text - 1)]
					   : (uint8_t)(x >> 24);
	}
}
