#!/usr/bin/env python3
"""Console start-up timing without an installed package (docs/benchmarks.md, "Start-up from a build").

Launches the console (org.submitlab.Main with no command) N times on an X display and times launch to the
window being mapped, polling xdotool every 50 ms; each console is closed with SIGTERM a second later.

  Xvfb :99 -screen 0 1360x820x24 &
  installers/console-timing.py --runs 6 --display :99 --data-home /tmp/console-data
  installers/console-timing.py --runs 6 --app-jar target/submitlab-classes.jar \\
      --java-opts=-XX:SharedArchiveFile=target/console.jsa --display :99 --data-home /tmp/console-data
  installers/console-timing.py --runs 6 --launcher /usr/bin/submitlab --display :99 --data-home /tmp/console-data

Needs xdotool. Run from the project folder after 'mvn -o -q compile' and
'mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp-runtime.txt -DincludeScope=runtime'.
The data folder should exist already (one start made it), so every start is an ordinary one.
"""
import argparse, os, shlex, statistics, subprocess, time

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=6)
ap.add_argument("--java", default="java")
ap.add_argument("--java-opts", default="")
ap.add_argument("--app-jar", default="", help="the app's classes as a jar (CDS archives need jars, not folders)")
ap.add_argument("--launcher", default="", help="an installed launcher (e.g. /usr/bin/submitlab) instead of the build")
ap.add_argument("--display", default=os.environ.get("DISPLAY", ":99"))
ap.add_argument("--data-home", required=True, help="XDG_DATA_HOME for the console (its data folder goes below)")
a = ap.parse_args()

cp = "" if a.launcher else (a.app_jar or "target/classes") + ":" + open("target/cp-runtime.txt").read().strip()
env = dict(os.environ, DISPLAY=a.display, XDG_DATA_HOME=a.data_home)
cmd = [a.launcher] if a.launcher else [a.java] + shlex.split(a.java_opts) + ["-cp", cp, "org.submitlab.Main"]


def window_shown():
    r = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "SubmitLab"], env=env, capture_output=True)
    return r.returncode == 0 and r.stdout.strip() != b""


if window_shown():
    raise SystemExit("a SubmitLab window is already on " + a.display + ": close it first")
times = []
for _ in range(a.runs):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not window_shown():
        if time.monotonic() - t0 > 60 or p.poll() is not None:
            p.kill()
            raise SystemExit("no console window within 60 s (exit code %s)" % p.poll())
        time.sleep(0.05)
    times.append(time.monotonic() - t0)
    time.sleep(1.0)
    p.terminate()
    try:
        p.wait(15)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
    while window_shown():
        time.sleep(0.1)
load = open("/proc/loadavg").read().split()[:3]
print("console window mapped: %s; min %.2f s, median %.2f s (%d runs, load %s)" % (
    ", ".join("%.2f" % t for t in times), min(times), statistics.median(times), len(times), " ".join(load)))
