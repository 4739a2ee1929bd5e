/*
 * Measures the pacing of the RTP the engine sends, on the loopback interface, from kernel packet
 * timestamps (taken as each packet passes lo, i.e. at departure): the engine's RTP ports are E_LO..E_HI,
 * every packet from one of them to a port outside the range is one of its outgoing streams (keyed by
 * the engine port). Per stream: the interval between consecutive packets, and sequence-number gaps
 * (packets the engine never sent). Packets into the range are only counted.
 *
 *   rtp-pacing-stats E_LO E_HI      runs until SIGTERM/SIGINT; prints on one line:
 *   streams out_pkts lost loss_pct int_p1_us int_p50_us int_p99_us int_p999_us int_max_us within2ms_pct dev_p99_us mean_us in_pkts voiced_pct
 * voiced: outgoing PCMU packets whose payload is not all digital silence (0xFF/0x7F), i.e. carried audio.
 * dev: |interval - 20 ms|. within2ms: intervals in 18..22 ms. mean: over streams, (last - first) / (packets - 1).
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

#define MAX_SAMPLES 40000000

static int64_t last_t[65536], first_t[65536];
static uint16_t last_seq[65536];
static uint64_t count[65536];
static int32_t *intervals, *deviations;
static size_t n_intervals;
static uint64_t out_pkts, in_pkts, lost, voiced;
static volatile sig_atomic_t stop;

static void on_signal(int s) { (void)s; stop = 1; }

static int by_value(const void *a, const void *b) { int32_t x = *(const int32_t *)a, y = *(const int32_t *)b; return (x > y) - (x < y); }

static int32_t pct(const int32_t *array, size_t n, double p) { return n == 0 ? -1 : array[(size_t)(p * (double)(n - 1))]; }

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s E_LO E_HI\n", argv[0]); return 2; }
    int elo = atoi(argv[1]), ehi = atoi(argv[2]);
    intervals = malloc(sizeof(int32_t) * MAX_SAMPLES);
    deviations = malloc(sizeof(int32_t) * MAX_SAMPLES);
    if (!intervals || !deviations) { perror("memory"); return 1; }
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
            if ((size_t)n < ihl + 8 + 12) continue;
            const uint8_t *udp = packet + ihl, *rtp = udp + 8;
            int src = (udp[0] << 8) | udp[1], dst = (udp[2] << 8) | udp[3];
            if ((rtp[0] >> 6) != 2 || (rtp[1] & 0x7f) >= 72) continue; /* RTP only, not RTCP */
            int src_e = src >= elo && src <= ehi, dst_e = dst >= elo && dst <= ehi;
            if (dst_e && !src_e) { in_pkts++; continue; }
            if (!src_e || dst_e) continue;
            uint16_t seq = (uint16_t)((rtp[2] << 8) | rtp[3]);
            out_pkts++;
            if ((rtp[1] & 0x7f) == 0) {
                size_t payload = (size_t)n - ihl - 8 - 12;
                for (size_t i = 12; i < 12 + payload; i++) {
                    if (rtp[i] != 0xFF && rtp[i] != 0x7F) { voiced++; break; }
                }
            }
            if (count[src]++ == 0) {
                first_t[src] = t;
            } else {
                uint16_t step = (uint16_t)(seq - last_seq[src]);
                if (step > 1 && step < 3000) lost += step - 1u;
                int64_t us = (t - last_t[src]) / 1000;
                if (n_intervals < MAX_SAMPLES) {
                    intervals[n_intervals] = (int32_t)us;
                    deviations[n_intervals++] = (int32_t)(us > 20000 ? us - 20000 : 20000 - us);
                }
            }
            last_t[src] = t;
            last_seq[src] = seq;
        }
    }

    size_t streams = 0, within = 0;
    double mean_sum = 0;
    for (int p = 0; p < 65536; p++) {
        if (count[p] == 0) continue;
        streams++;
        if (count[p] > 1) mean_sum += (double)(last_t[p] - first_t[p]) / 1000.0 / (double)(count[p] - 1);
    }
    for (size_t i = 0; i < n_intervals; i++) within += deviations[i] <= 2000;
    qsort(intervals, n_intervals, sizeof(int32_t), by_value);
    qsort(deviations, n_intervals, sizeof(int32_t), by_value);
    double loss = out_pkts + lost ? 100.0 * (double)lost / (double)(out_pkts + lost) : 0;
    printf("%zu %llu %llu %.4f %d %d %d %d %d %.3f %d %.1f %llu %.1f\n", streams, (unsigned long long)out_pkts, (unsigned long long)lost, loss,
        pct(intervals, n_intervals, 0.01), pct(intervals, n_intervals, 0.5), pct(intervals, n_intervals, 0.99),
        pct(intervals, n_intervals, 0.999), pct(intervals, n_intervals, 1.0),
        n_intervals ? 100.0 * (double)within / (double)n_intervals : 0, pct(deviations, n_intervals, 0.99),
        streams ? mean_sum / (double)streams : 0, (unsigned long long)in_pkts, out_pkts ? 100.0 * (double)voiced / (double)out_pkts : 0);
    return 0;
}
