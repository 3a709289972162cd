"""A hostile remote muxbar daemon for the fault tests: its /events stream sends, by turns,
(0) a snapshot of 5000 sessions, then a 10 MB line; (1) a snapshot of 100000 sessions in one event.
Each connection is served in a thread; the stream then stays open, silent."""
import json
import os
import socket
import sys
import threading
import time

path = sys.argv[1]
if os.path.exists(path):
    os.unlink(path)
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(16)


def snapshot(n):
    sessions = [{"id": "$%d" % i, "name": "s%d" % i, "windows": 1, "attached": 0} for i in range(n)]
    agents = [{"pane": "%1", "window": "@1", "session": "$0", "agent": "claude", "status": "waiting"}]
    return b"event: snapshot\ndata: " + json.dumps({"sessions": sessions, "agents": agents}).encode() + b"\n\n"


def serve(conn, turn):
    try:
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
        if turn % 2 == 0:
            conn.sendall(snapshot(5000))
            time.sleep(2)
            conn.sendall(b"data: " + b"x" * (10 << 20) + b"\n\n")
        else:
            conn.sendall(snapshot(100000))
        time.sleep(60)
    except OSError:
        pass
    finally:
        conn.close()


turn = 0
while True:
    c, _ = srv.accept()
    print("turn %d" % turn, flush=True)
    threading.Thread(target=serve, args=(c, turn), daemon=True).start()
    turn += 1
