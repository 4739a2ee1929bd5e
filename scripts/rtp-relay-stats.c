/*
 * Measures what a bridge adds to RTP on the loopback interface, from kernel packet timestamps: the
 * engine's RTP ports are E_LO..E_HI, the callee (SIPp -rtp_echo) listens on port C, every other RTP
 * peer is a caller. PCMU payloads survive the relay byte for byte (G.711 decoded and encoded again),
 * so a payload's hash identifies a packet on each hop:
 *   caller -> engine X   (A)   engine Y -> callee (B)   callee -> engine Y (D)   engine X -> caller (F)
 * Per pass latency: B - A and F - D, once the pairing of the caller's leg X with the callee's leg Y is
 * learnt (majority vote over the first packets: the caller leg that sent the payload last before B). Loss: A packets whose payload never came back to the
 * caller on X (two relay passes plus SIPp's echo: an upper bound of the relay's own loss).
 *
 *   rtp-relay-stats E_LO E_HI C      runs until SIGTERM/SIGINT; prints on one line:
 *   sent returned loss_pct relay_p50_us relay_p99_us relay_p999_us relay_max_us echo_p99_us rtt_p99_us samples
 * Needs root (AF_PACKET). Only reads; sends nothing.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TABLE_BITS 22
#define TABLE_SIZE (1u << TABLE_BITS)
#define STALE_NS 5000000000LL
#define MATCH_NS 2000000000LL
#define MAX_SAMPLES 40000000
#define BINS 4096

typedef struct { uint64_t key; int64_t t; } entry;

static entry *sent_by_caller, *echoed_by_callee;
static uint8_t seen_caller[65536];
static uint16_t callers[65536];
static int n_callers;
static uint16_t pair_x[65536];   /* callee leg Y -> caller leg X, once voted */
static uint16_t pair_y[65536];   /* caller leg X -> callee leg Y */
static uint16_t vote_cand[65536];
static int vote_count[65536];
static int32_t *relay, *echo, *rtt;
static size_t n_relay, n_echo, n_rtt;
static uint64_t sent_bin[BINS], back_bin[BINS];
static int64_t start_ns = -1, last_ns;
static volatile sig_atomic_t stop;

static void on_signal(int s) { (void)s; stop = 1; }

static uint64_t hash_bytes(const uint8_t *p, size_t n) {
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 1099511628211ULL; }
    return h ? h : 1;
}

static uint64_t key_of(uint16_t port, uint64_t h) { return (h ^ ((uint64_t)port << 48) ^ ((uint64_t)port * 0x9E3779B97F4A7C15ULL)) | 1; }

static void put(entry *table, uint64_t key, int64_t t) {
    for (uint32_t i = (uint32_t)key & (TABLE_SIZE - 1);; i = (i + 1) & (TABLE_SIZE - 1)) {
        entry *e = &table[i];
        if (e->key == 0 || e->key == key || t - e->t > STALE_NS) { e->key = key; e->t = t; return; }
    }
}

/* The time stored under key (and forgets it), or -1. */
static int64_t take(entry *table, uint64_t key) {
    for (uint32_t i = (uint32_t)key & (TABLE_SIZE - 1), n = 0; n < 64; i = (i + 1) & (TABLE_SIZE - 1), n++) {
        entry *e = &table[i];
        if (e->key == 0) return -1;
        if (e->key == key) { int64_t t = e->t; e->t = INT64_MIN / 2; return t; }
    }
    return -1;
}

/* The time stored under key, or -1. */
static int64_t peek(const entry *table, uint64_t key) {
    for (uint32_t i = (uint32_t)key & (TABLE_SIZE - 1), n = 0; n < 64; i = (i + 1) & (TABLE_SIZE - 1), n++) {
        if (table[i].key == 0) return -1;
        if (table[i].key == key) return table[i].t;
    }
    return -1;
}

static void sample(int32_t *array, size_t *n, int64_t ns) { if (*n < MAX_SAMPLES) array[(*n)++] = (int32_t)(ns / 1000); }

static int by_value(const void *a, const void *b) { int32_t x = *(const int32_t *)a, y = *(const int32_t *)b; return (x > y) - (x < y); }

static int32_t pct(int32_t *array, size_t n, double p) {
    if (n == 0) return -1;
    size_t i = (size_t)(p * (double)(n - 1));
    return array[i];
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s E_LO E_HI CALLEE_PORT\n", argv[0]); return 2; }
    int elo = atoi(argv[1]), ehi = atoi(argv[2]), callee = atoi(argv[3]);
    sent_by_caller = calloc(TABLE_SIZE, sizeof(entry));
    echoed_by_callee = calloc(TABLE_SIZE, sizeof(entry));
    relay = malloc(sizeof(int32_t) * MAX_SAMPLES);
    echo = malloc(sizeof(int32_t) * MAX_SAMPLES);
    rtt = malloc(sizeof(int32_t) * MAX_SAMPLES);
    if (!sent_by_caller || !echoed_by_callee || !relay || !echo || !rtt) { perror("memory"); return 1; }
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);

    int fd = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IP));
    if (fd < 0) { perror("AF_PACKET socket (root needed)"); return 1; }
    struct sockaddr_ll bind_to = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP), .sll_ifindex = (int)if_nametoindex("lo") };
    if (bind(fd, (struct sockaddr *)&bind_to, sizeof bind_to) < 0) { perror("bind lo"); return 1; }
    int on = 1, buffer = 256 * 1024 * 1024;
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
    setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &buffer, sizeof buffer);
    struct timeval tick = { .tv_sec = 0, .tv_usec = 200000 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tick, sizeof tick);

    /* The kernel drops lo's outgoing copy of each packet (every packet is seen twice otherwise). */
    struct sock_filter code[] = {
        { BPF_LD | BPF_B | BPF_ABS, 0, 0, (uint32_t)(SKF_AD_OFF + SKF_AD_PKTTYPE) },
        { BPF_JMP | BPF_JEQ | BPF_K, 0, 1, PACKET_OUTGOING },
        { BPF_RET | BPF_K, 0, 0, 0 },
        { BPF_RET | BPF_K, 0, 0, 0xFFFF },
    };
    struct sock_fprog filter = { .len = sizeof code / sizeof code[0], .filter = code };
    if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &filter, sizeof filter) < 0) perror("SO_ATTACH_FILTER (every packet is read twice)");

    enum { BATCH = 64 };
    static uint8_t packets[BATCH][512];
    static char controls[BATCH][128];
    static struct sockaddr_ll froms[BATCH];
    struct iovec iovs[BATCH];
    struct mmsghdr msgs[BATCH];
    while (!stop) {
        for (int i = 0; i < BATCH; i++) {
            iovs[i] = (struct iovec){ packets[i], sizeof packets[i] };
            msgs[i].msg_hdr = (struct msghdr){ .msg_name = &froms[i], .msg_namelen = sizeof froms[i], .msg_iov = &iovs[i], .msg_iovlen = 1,
                .msg_control = controls[i], .msg_controllen = sizeof controls[i] };
        }
        int got = recvmmsg(fd, msgs, BATCH, MSG_WAITFORONE, NULL);
        for (int m = 0; m < got; m++) {
            struct msghdr msg = msgs[m].msg_hdr;
            ssize_t n = msgs[m].msg_len;
            uint8_t *packet = packets[m];
            if (froms[m].sll_pkttype == PACKET_OUTGOING) continue;
            int64_t t = -1;
            for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_TIMESTAMPNS) {
                    struct timespec ts; memcpy(&ts, CMSG_DATA(c), sizeof ts);
                    t = (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
                }
            }
            if (t < 0 || n < 20 || (size_t)n > sizeof packets[0] || (packet[0] >> 4) != 4 || packet[9] != 17) continue;
            size_t ihl = (size_t)(packet[0] & 15) * 4;
            if ((size_t)n < ihl + 8 + 12 + 160) continue;
            const uint8_t *udp = packet + ihl, *rtp = udp + 8;
            int src = (udp[0] << 8) | udp[1], dst = (udp[2] << 8) | udp[3];
            if ((rtp[0] >> 6) != 2 || (rtp[1] & 0x7f) != 0) continue; /* RTP, PCMU only */
            size_t payload = (size_t)n - ihl - 8 - 12;
            uint64_t h = hash_bytes(rtp + 12, payload);
            int src_e = src >= elo && src <= ehi, dst_e = dst >= elo && dst <= ehi;
            if (start_ns < 0) start_ns = t;
            last_ns = t;
            size_t bin = (size_t)((t - start_ns) / 1000000000LL) % BINS;
            if (dst_e && !src_e && src != callee) {          /* A: caller -> engine X */
                put(sent_by_caller, key_of((uint16_t)dst, h), t);
                if (!seen_caller[dst]) { seen_caller[dst] = 1; callers[n_callers++] = (uint16_t)dst; }
                sent_bin[bin]++;
            } else if (src_e && dst == callee) {            /* B: engine Y -> callee */
                if (!pair_x[src]) {
                    /* Which caller leg sent this payload last before now: one vote for that pairing. */
                    uint16_t best = 0; int64_t best_dt = MATCH_NS;
                    for (int i = 0; i < n_callers; i++) {
                        uint16_t x = callers[i];
                        if (pair_y[x]) continue;
                        int64_t at = peek(sent_by_caller, key_of(x, h));
                        if (at >= 0 && t - at >= 0 && t - at < best_dt) { best = x; best_dt = t - at; }
                    }
                    if (best) {
                        if (vote_cand[src] == best) vote_count[src]++;
                        else if (--vote_count[src] <= 0) { vote_cand[src] = best; vote_count[src] = 1; }
                        if (vote_count[src] >= 10) { pair_x[src] = best; pair_y[best] = (uint16_t)src; }
                    }
                }
                if (pair_x[src]) {
                    /* Peek: the same entry is taken when the payload comes back to the caller. */
                    int64_t at = peek(sent_by_caller, key_of(pair_x[src], h));
                    if (at >= 0 && t - at < MATCH_NS) sample(relay, &n_relay, t - at);
                }
                put(echoed_by_callee, key_of((uint16_t)src, h) ^ 2, t); /* when the callee got it */
            } else if (src == callee && dst_e) {            /* D: callee -> engine Y */
                int64_t got = take(echoed_by_callee, key_of((uint16_t)dst, h) ^ 2);
                if (got >= 0 && t - got < MATCH_NS) sample(echo, &n_echo, t - got);
                put(echoed_by_callee, key_of((uint16_t)dst, h), t);
            } else if (src_e && !dst_e && dst != callee) {  /* F: engine X -> caller */
                int64_t sent = take(sent_by_caller, key_of((uint16_t)src, h));
                if (sent >= 0 && t - sent < MATCH_NS) {
                    sample(rtt, &n_rtt, t - sent);
                    back_bin[(size_t)((sent - start_ns) / 1000000000LL) % BINS]++;
                }
                if (pair_y[src]) {
                    int64_t echoed = take(echoed_by_callee, key_of(pair_y[src], h));
                    if (echoed >= 0 && t - echoed < MATCH_NS) sample(relay, &n_relay, t - echoed);
                }
            }
        }
    }

    /* Loss over packets sent at least 3 s before the end (later ones may still be on their way). */
    uint64_t sent = 0, back = 0;
    int64_t seconds = (last_ns - start_ns) / 1000000000LL;
    for (int64_t s = 0; s + 3 <= seconds && s < BINS; s++) { sent += sent_bin[s]; back += back_bin[s]; }
    qsort(relay, n_relay, sizeof(int32_t), by_value);
    qsort(echo, n_echo, sizeof(int32_t), by_value);
    qsort(rtt, n_rtt, sizeof(int32_t), by_value);
    double loss = sent ? 100.0 * (double)(sent > back ? sent - back : 0) / (double)sent : 0;
    printf("%llu %llu %.4f %d %d %d %d %d %d %zu\n", (unsigned long long)sent, (unsigned long long)back, loss,
        pct(relay, n_relay, 0.5), pct(relay, n_relay, 0.99), pct(relay, n_relay, 0.999), pct(relay, n_relay, 1.0),
        pct(echo, n_echo, 0.99), pct(rtt, n_rtt, 0.99), n_relay);
    return 0;
}
