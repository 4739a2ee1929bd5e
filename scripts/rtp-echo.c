/*
 * A lean RTP echo for load runs: every datagram received on 127.0.0.1:PORT goes back to its sender,
 * unchanged, read and sent in batches (recvmmsg/sendmmsg), so the callee side of scripts/load-bridge.sh
 * costs little of the machine it shares with the engine. SIPp still answers the calls (SIP); its SDP
 * points the engine's media here.
 *
 *   rtp-echo PORT        runs until SIGTERM/SIGINT; prints the datagrams echoed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BATCH 64
#define MAX_DATAGRAM 2048

static volatile sig_atomic_t stop;
static void on_signal(int s) { (void)s; stop = 1; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: rtp-echo PORT\n"); return 2; }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int size = 8 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    struct sockaddr_in local = { .sin_family = AF_INET, .sin_port = htons(atoi(argv[1])) };
    local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&local, sizeof local) != 0) { perror("bind"); return 1; }
    struct sigaction sa = { .sa_handler = on_signal };
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    static char buffers[BATCH][MAX_DATAGRAM];
    static struct sockaddr_in from[BATCH];
    static struct iovec iov[BATCH];
    static struct mmsghdr in[BATCH], out[BATCH];
    unsigned long long echoed = 0;
    while (!stop) {
        for (int i = 0; i < BATCH; i++) {
            iov[i] = (struct iovec){ buffers[i], MAX_DATAGRAM };
            in[i].msg_hdr = (struct msghdr){ .msg_name = &from[i], .msg_namelen = sizeof from[i], .msg_iov = &iov[i], .msg_iovlen = 1 };
        }
        int n = recvmmsg(fd, in, BATCH, MSG_WAITFORONE, NULL);
        if (n < 0) { if (errno == EINTR) continue; perror("recvmmsg"); return 1; }
        for (int i = 0; i < n; i++) {
            iov[i].iov_len = in[i].msg_len;
            out[i].msg_hdr = (struct msghdr){ .msg_name = &from[i], .msg_namelen = in[i].msg_hdr.msg_namelen, .msg_iov = &iov[i], .msg_iovlen = 1 };
        }
        for (int sent = 0; sent < n;) {
            int k = sendmmsg(fd, out + sent, n - sent, 0);
            if (k < 0) { if (errno == EINTR) continue; break; }
            sent += k;
        }
        echoed += n;
    }
    printf("%llu\n", echoed);
    return 0;
}
