#!/usr/bin/env python3
"""Start-up timing without an installed package (docs/benchmarks.md, "Start-up from a build").

Times, N runs each, min and median of the wall clock:
  - a bare JVM (java -version... no: a class with an empty main, java -Xshare:auto)
  - submitlab --version
  - submitlab serve --data DIR --port 0: from launch to the line 'listening on', then SIGTERM
for every data folder given with --data (e.g. an empty one and one with 1M Sent Items).

  installers/startup-timing.py --runs 7 --data /tmp/empty --data /tmp/sl1m/v4
  jar cf target/submitlab-classes.jar -C target/classes .
  java -XX:ArchiveClassesAtExit=target/app.jsa -cp target/submitlab-classes.jar:$(cat target/cp-runtime.txt) \
      org.submitlab.Main simulate --preset printers-sharing-mailbox --speed 3600 --duration 2m --data /tmp/cds-train
  installers/startup-timing.py --app-jar target/submitlab-classes.jar --java-opts=-XX:SharedArchiveFile=target/app.jsa ...
Run from the project folder after 'mvn -o -q compile' and
'mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp-runtime.txt -DincludeScope=runtime'.
"""
import argparse, os, resource, shlex, signal, statistics, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=7)
ap.add_argument("--java", default="java")
ap.add_argument("--java-opts", default="")
ap.add_argument("--data", action="append", default=[])
ap.add_argument("--only", default="bare,version,serve")
ap.add_argument("--app-jar", default="", help="the app's classes as a jar (CDS archives need jars, not folders)")
a = ap.parse_args()

cp = (a.app_jar or "target/classes") + ":" + open("target/cp-runtime.txt").read().strip()
opts = shlex.split(a.java_opts)
bare_dir = tempfile.mkdtemp(prefix="bare-jvm-")
with open(os.path.join(bare_dir, "Bare.java"), "w") as f:
    f.write("public class Bare { public static void main(String[] a) { System.out.println(\"hi\"); } }\n")
subprocess.run(["javac", "-d", bare_dir, os.path.join(bare_dir, "Bare.java")], check=True)

def timed(cmd, until=None):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if until is None:
        p.communicate()
        return time.monotonic() - t0
    for line in p.stdout:
        if until in line:
            t = time.monotonic() - t0
            p.send_signal(signal.SIGTERM)
            p.communicate(timeout=60)
            return t
    err = p.stderr.read()
    raise SystemExit("no '%s' from %s: %s" % (until, cmd, err))

def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def report(what, cmd, until=None):
    timed(cmd, until)  # warm the page cache
    ts, cs = [], []
    for _ in range(a.runs):
        c0 = cpu()
        ts.append(timed(cmd, until))
        cs.append(cpu() - c0)
    print("%-40s wall min %6.3f s median %6.3f s, CPU median %5.2f s (%d runs, load %s)" % (what, min(ts),
          statistics.median(ts), statistics.median(cs), a.runs, " ".join(open("/proc/loadavg").read().split()[:3])),
          flush=True)

only = a.only.split(",")
if "bare" in only:
    report("bare JVM (empty main)", [a.java] + opts + ["-cp", bare_dir, "Bare"])
main = [a.java] + opts + ["-cp", cp, "org.submitlab.Main"]
if "version" in only:
    report("--version", main + ["--version"])
if "serve" in only:
    for d in a.data or [tempfile.mkdtemp(prefix="serve-empty-")]:
        if not os.path.exists(os.path.join(d, "submitlab.db")):
            timed(main + ["serve", "--data", d, "--port", "0"], "listening on")  # first start makes the tenant and key
        report("serve, 'listening on' (%s)" % os.path.basename(d.rstrip("/")), main + ["serve", "--data", d, "--port", "0"], "listening on")
