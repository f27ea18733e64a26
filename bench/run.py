"""wenlint benchmarks: cold throughput against autocorrect-py, ripgrep, memory, start-up.

    python bench/run.py                 # real prose and an 8 MB generated corpus (80 MB for memory)
    python bench/run.py --only-prose    # the comparison on real prose and the start-up only
    python bench/run.py --size 20MB     # larger; --keep writes the corpus to bench/corpus/

Every timed run of wenlint is a fresh process, as users run it (`wenlint check DIR --jobs N
--no-cache`): start-up, building its tables, reading and decoding included. Steps:

1. Real prose (`--prose`, default ../shared/corpus/clean/simplified): wenlint on one process and
   on all cores, and autocorrect-py's lint (`autocorrect_py.lint_for`, a CJK linter written in
   Rust; `pip install 'wenlint[bench]'`) over the same files in a fresh process too
   (bench/autocorrect_lint.py). The runs alternate (wenlint, wenlint -j N, autocorrect, wenlint,
   ...) so the machine's load falls on all of them; each figure is the median of --repeat runs,
   of wall time and of CPU time (user + system of the child).
2. A corpus generated from seeds/: varied copies (paragraphs rotated, numbers and place names
   changed, website furniture, placeholders and repeated paragraphs added or not, endings cut),
   in Simplified and Traditional script (OpenCC s2t / t2s), a few mixed, a tenth in GB18030,
   a tenth as Markdown; up to --size bytes, and a second corpus ten times larger. The same
   cold runs as in 1.
3. ripgrep (`rg`, Debian package ripgrep) counting matches of the chrome and placeholder
   patterns of the shipped packs, on one thread and on all: the speed of a plain pattern search.
4. Peak memory (RSS) of `wenlint profile` and `wenlint check` in a subprocess, on the corpus and
   on the one ten times larger: it must stay flat (both stream; `bench/memory.py` runs this step alone).
5. Start-up time of `wenlint check` on one small file (bench/startup.py, median).

It prints a table and writes JSON to bench/out/ (latest.json and a timestamped copy). Targets
(issue 18): one process at least as fast as autocorrect-py on the same files, cold; two processes
at least 1.7 times one; memory flat; start-up at most 0.15 s. Not a test: the figures depend on
the machine (and on its load: compare figures of the same run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from as_installed import as_installed  # noqa: E402

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEEDS = ROOT / "seeds"
PROSE = ROOT.parent / "shared" / "corpus" / "clean" / "simplified"
sys.path.insert(0, str(BENCH))

PLACES = ["县", "区", "市", "镇", "乡"]
CITIES = ["江苏省", "浙江省", "湖南省", "四川省", "山东省", "河南省", "广东省", "福建省"]
CHROME = ["让写作成为一种习惯,小花文档网欢迎您!", "当前位置:首页 > 工作总结 > 工会工作总结",
          "时间:2022-07-01 19:30:04 工作总结 浏览量:", "下面是小编为大家整理的工作总结,供大家参考。",
          "版权所有 © 2019 小花文档网 沪ICP备12345678号", "推荐阅读:", "【篇1】", "第2页共10页"]
PLACEHOLDERS = ["XX年", "xx县", "200*年", "党的xx大", "XX多元", "___年___月___日"]
FALLBACK_PATTERNS = [r"(?:XX|xx|××)\s?年", r"欢迎您", r"当前位置", r"浏览量", r"小编", r"推荐阅读",
                     r"版权所有", r"ICP备\d+号", r"第\d+页共\d+页", r"【篇\d+】"]


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", text, re.I)
    if not m:
        raise argparse.ArgumentTypeError(f"expected a size such as 4MB (got {text!r})")
    return int(float(m.group(1)) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()])


# ----- 1. the corpus ------------------------------------------------------------------------

def seed_variants() -> list[tuple[str, str]]:
    """(simplified, traditional) for every seed, converted once (OpenCC is slow)."""
    from opencc import OpenCC

    s2t, t2s = OpenCC("s2t"), OpenCC("t2s")
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        simplified = t2s.convert(text)
        out.append((simplified, s2t.convert(simplified)))
    return out


def vary(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n")]
    cut = rng.randrange(max(1, len(paragraphs) // 3))
    paragraphs = paragraphs[cut:] + paragraphs[:cut]
    if rng.random() < 0.3:
        i = rng.randrange(len(paragraphs))
        paragraphs.insert(i, paragraphs[i])  # a repeated paragraph
    if rng.random() < 0.4:
        for line in rng.sample(CHROME, rng.randint(1, 3)):
            paragraphs.insert(rng.choice([0, len(paragraphs)]), line)
    if rng.random() < 0.3:
        i = rng.randrange(len(paragraphs))
        paragraphs[i] = rng.choice(PLACEHOLDERS) + paragraphs[i]
    text = "\n".join(paragraphs)
    text = re.sub(r"\d", lambda m: str((int(m.group()) + rng.randint(0, 9)) % 10) if rng.random() < 0.3 else m.group(), text)
    text = text.replace("江苏省", rng.choice(CITIES)).replace("区总工会", rng.choice(PLACES) + "总工会")
    if rng.random() < 0.15:
        text = text[: rng.randrange(len(text) // 2, len(text))]  # a truncated ending
    return text


def generate(directory: Path, size: int, seed: int = 1) -> dict:
    """Write documents to `directory` until they add up to `size` bytes."""
    rng = random.Random(seed)
    variants = seed_variants()
    directory.mkdir(parents=True, exist_ok=True)
    total = files = 0
    kinds = {"simplified": 0, "traditional": 0, "mixed": 0, "gb18030": 0, "markdown": 0}
    while total < size:
        simplified, traditional = rng.choice(variants)
        roll = rng.random()
        if roll < 0.55:
            text, kind = simplified, "simplified"
        elif roll < 0.95:
            text, kind = traditional, "traditional"
        else:  # a broken conversion: lines of both scripts
            a, b = simplified.split("\n"), traditional.split("\n")
            text, kind = "\n".join(x if i % 2 else y for i, (x, y) in enumerate(zip(a, b))), "mixed"
        kinds[kind] += 1
        text = vary(text, rng)
        folder = directory / f"d{files // 100:03d}"
        folder.mkdir(exist_ok=True)
        if rng.random() < 0.1:
            name, text = f"{files:06d}.md", f"# 文档 {files}\n\n{text}\n\n```\nXX年 代码块不检查\n```\n"
            kinds["markdown"] += 1
        else:
            name = f"{files:06d}.txt"
        if rng.random() < 0.1 and name.endswith(".txt"):
            data = text.encode("gb18030")
            kinds["gb18030"] += 1
        else:
            data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
        files += 1
    return {"files": files, "bytes": total, **kinds}


# ----- 2 and 3. wenlint and autocorrect-py, cold -----------------------------------------------

def child(command: list[str]) -> dict:
    """Wall and CPU time (user + system, of the child alone) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.stderr and proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {stderr.strip()[-500:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime}


def wenlint_command(directory: Path, jobs: int) -> list[str]:
    """`wenlint check` as users run it, without the cache of unchanged files (every run cold)."""
    return [sys.executable, "-m", "wenlint", "check", str(directory), "--isolated", "--no-cache",
            "--jobs", str(jobs), "--format", "json", "-o", os.devnull, "--exit-zero"]


def autocorrect_command(directory: Path) -> list[str] | None:
    try:
        import autocorrect_py  # noqa: F401
    except ImportError:
        return None
    return [sys.executable, str(BENCH / "autocorrect_lint.py"), str(directory)]


def cold_runs(commands: dict[str, list[str]], repeat: int) -> dict:
    """Each command `repeat` times in fresh processes, the commands alternating (a, b, a, b, ...) so
    that a change in the machine's load falls on all of them; medians of wall and CPU time."""
    times: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(child(command))
    return {name: {"wall": statistics.median(t["wall"] for t in runs), "cpu": statistics.median(t["cpu"] for t in runs),
                   "runs": len(runs)} for name, runs in times.items()}


def compare(directory: Path, mb: float, jobs: int, repeat: int) -> dict:
    """Cold `wenlint check` on one process and on `jobs`, and autocorrect-py, on `directory`."""
    commands = {"wenlint 1 process": wenlint_command(directory, 1)}
    if jobs > 1:
        commands[f"wenlint {jobs} processes"] = wenlint_command(directory, jobs)
    auto = autocorrect_command(directory)
    if auto:
        commands["autocorrect-py"] = auto
    out = cold_runs(commands, repeat)
    for row in out.values():
        row["mb_s"] = mb / row["wall"]
        row["mb_cpu_s"] = mb / row["cpu"]
    if not auto:
        out["autocorrect-py"] = {"skipped": "autocorrect-py is not installed (pip install 'wenlint[bench]')"}
    return out


# ----- 4. ripgrep ---------------------------------------------------------------------------

def pack_patterns() -> tuple[list[str], str]:
    """Chrome and placeholder patterns of the shipped packs (rules/*.toml)."""
    import tomllib

    from wenlint.rules.registry import builtin_pack_dir

    patterns: list[str] = []
    for path in sorted(builtin_pack_dir().glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        default = data.get("pack", {}).get("category")
        for rule in data.get("rules", []):
            if rule.get("category", default) not in ("chrome", "placeholder"):
                continue
            patterns += list(rule.get("patterns", []))
            patterns += [re.escape(w) for w in rule.get("words", [])]
            patterns += [re.escape(w) for w in rule.get("swap", {})]
    if patterns:
        return patterns, "the chrome and placeholder packs in rules/"
    return FALLBACK_PATTERNS, "a fallback list (no chrome or placeholder pack in rules/ yet)"


def time_ripgrep(directory: Path, jobs: int, repeat: int) -> dict:
    rg = shutil.which("rg")
    if not rg:
        return {"skipped": "ripgrep (rg) is not installed (Debian package ripgrep)"}
    patterns, source = pack_patterns()
    # The packs are written for the `regex` module: \uXXXX escapes (\x{XXXX} for ripgrep) and
    # look-around, which only ripgrep's PCRE2 engine (-P) has; each pattern goes to the first
    # engine that accepts it, and each engine searches once.
    patterns = [re.sub(r"\\u([0-9a-fA-F]{4})", r"\\x{\1}", p) for p in patterns]
    engines = {"default": [], "PCRE2": []}
    has_pcre2 = subprocess.run([rg, "--pcre2-version"], capture_output=True).returncode == 0
    for p in patterns:
        for name, flags in (("default", []), ("PCRE2", ["-P"]) if has_pcre2 else ()):
            if subprocess.run([rg, *flags, "-q", "-e", p, "--", os.devnull], capture_output=True).returncode != 2:
                engines[name].append(p)
                break
    usable = sum(len(group) for group in engines.values())
    out = {"patterns": usable, "patterns_dropped": len(patterns) - usable, "source": source,
           "engines": {name: len(group) for name, group in engines.items() if group}}
    files = []
    try:
        for name, group in engines.items():
            if group:
                with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
                    handle.write("\n".join(group) + "\n")
                files.append((["-P"] if name == "PCRE2" else [], handle.name))
        for label, threads in (("1 thread", 1), ("all threads", jobs)):
            seconds, matches = 0.0, 0
            for flags, pattern_file in files:
                best = float("inf")
                for _ in range(repeat):
                    start = time.perf_counter()
                    proc = subprocess.run([rg, *flags, "--count-matches", "--no-messages", "-j", str(threads),
                                           "-f", pattern_file, str(directory)], capture_output=True)
                    best = min(best, time.perf_counter() - start)
                seconds += best
                matches += sum(int(line.rsplit(b":", 1)[1]) for line in proc.stdout.splitlines() if b":" in line)
            out[label] = {"seconds": seconds, "matches": matches}
        return out
    finally:
        for _, pattern_file in files:
            os.unlink(pattern_file)


# ----- 5. memory ----------------------------------------------------------------------------

def peak_rss(command: list[str]) -> float:
    """Peak resident memory of a child process in MB (Linux: ru_maxrss is in kB): of the largest
    of it and the processes it waited for (a pool's workers)."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


def memory(small: Path, large: Path, work: Path, jobs: int = 1) -> dict:
    wenlint = [sys.executable, "-m", "wenlint"]
    commands = {
        "profile": lambda d: wenlint + ["profile", str(d), "--isolated", "--jobs", str(jobs), "-o",
                                        str(work / "p.parquet")],
        # No cache: the figure is the run's own, not what an earlier run left behind.
        "check": lambda d: wenlint + ["check", str(d), "--isolated", "--jobs", str(jobs), "--format", "jsonl",
                                      "-o", os.devnull, "--exit-zero", "--no-cache"],
    }
    out = {}
    for name, command in commands.items():
        a, b = peak_rss(command(small)), peak_rss(command(large))
        out[name] = {"small_mb": a, "large_mb": b, "ratio": b / a, "flat": b <= 1.3 * a}
    return out


# ----- the run ------------------------------------------------------------------------------

def git_commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("8MB"), help="corpus size (default 8MB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (medians; ripgrep: the best)")
    parser.add_argument("--jobs", type=int, default=None, help="processes for 'all cores' (default: all)")
    parser.add_argument("--keep", action="store_true", help="write the corpora to bench/corpus/ and keep them")
    parser.add_argument("--prose", type=Path, default=PROSE,
                        help="a folder of real documents, compared as well (default: ../shared/corpus/clean/simplified)")
    parser.add_argument("--only-prose", action="store_true",
                        help="only the comparison on --prose and the start-up (no generated corpus, ripgrep, memory)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory check (no 10x corpus)")
    parser.add_argument("--no-ripgrep", action="store_true", help="skip ripgrep")
    parser.add_argument("--startup-runs", type=int, default=11)
    args = parser.parse_args()
    as_installed()

    from wenlint import __version__
    from wenlint.engine.pool import default_jobs

    jobs = args.jobs or default_jobs()
    began = time.perf_counter()
    report: dict = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "wenlint": __version__, "commit": git_commit(),
        "python": platform.python_version(), "cores": os.cpu_count(), "jobs": jobs, "repeat": args.repeat,
    }
    if args.prose and args.prose.is_dir():
        files = [p for p in args.prose.rglob("*") if p.suffix in (".txt", ".md")]
        prose_mb = sum(p.stat().st_size for p in files) / 1e6
        print(f"cold runs on {args.prose} ...", file=sys.stderr)
        report["prose"] = {"path": str(args.prose), "files": len(files), "mb": prose_mb,
                           "runs": compare(args.prose, prose_mb, jobs, args.repeat)}
    base = BENCH / "corpus" if args.keep else Path(tempfile.mkdtemp(prefix="wenlint-bench-"))
    if args.keep and base.exists():
        shutil.rmtree(base)
    try:
        if not args.only_prose:
            small, large = base / "n", base / "10n"
            print(f"generating {args.size / 1e6:.1f} MB from seeds/ in {base} ...", file=sys.stderr)
            report["corpus"] = corpus = generate(small, args.size)
            mb = corpus["bytes"] / 1e6
            print("cold runs on the generated corpus ...", file=sys.stderr)
            report["generated"] = compare(small, mb, jobs, args.repeat)
            if not args.no_ripgrep:
                print("ripgrep ...", file=sys.stderr)
                report["ripgrep"] = rg = time_ripgrep(small, jobs, args.repeat)
                for key in ("1 thread", "all threads"):
                    if key in rg:
                        rg[key]["mb_s"] = mb / rg[key]["seconds"]
            if not args.no_memory:
                print(f"memory: generating {10 * args.size / 1e6:.0f} MB ...", file=sys.stderr)
                report["corpus_10x"] = generate(large, 10 * args.size, seed=2)
                report["memory"] = memory(small, large, base)
        print("start-up ...", file=sys.stderr)
        from startup import measure

        cpu: list[float] = []
        report["startup_s"] = statistics.median(measure(args.startup_runs, cpu))
        report["startup_cpu_s"] = statistics.median(cpu)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    report["bench_seconds"] = time.perf_counter() - began
    report["targets"] = targets(report, jobs)
    print_table(report, jobs)
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    (out / "latest.json").write_text(text, encoding="utf-8")
    (out / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(text, encoding="utf-8")
    print(f"\nwrote bench/out/latest.json ({report['bench_seconds']:.0f} s in all)")
    return 0


def targets(report: dict, jobs: int) -> dict:
    out = {}
    for key, label in (("prose", "real prose"), ("generated", "generated corpus")):
        runs = report.get(key, {}).get("runs") if key == "prose" else report.get(key)
        if not runs or "wall" not in runs.get("autocorrect-py", {}):
            continue
        w1, auto = runs["wenlint 1 process"], runs["autocorrect-py"]
        ratio = auto["wall"] / w1["wall"]
        out[f"1 process >= 1.0x autocorrect-py, cold, {label}"] = {"value": round(ratio, 2), "met": ratio >= 1}
        if jobs >= 2:
            many = runs[f"wenlint {jobs} processes"]
            scale = w1["wall"] / many["wall"]
            out[f"{jobs} processes >= 1.7x one, {label}"] = {"value": round(scale, 2), "met": scale >= 1.7}
    if "memory" in report:
        for name in ("profile", "check"):
            out[f"memory flat ({name})"] = {"value": round(report["memory"][name]["ratio"], 2),
                                            "met": report["memory"][name]["flat"]}
    out["start-up <= 0.15 s"] = {"value": round(report["startup_s"], 3), "met": report["startup_s"] <= 0.15}
    return out


def print_runs(title: str, runs: dict) -> None:
    print(f"\n{title}")
    rows = [("cold, fresh processes (medians)", "wall s", "MB/s", "CPU s", "MB/CPU s", "vs wenlint 1 proc")]
    w1 = runs["wenlint 1 process"]
    for name, r in runs.items():
        if "skipped" in r:
            rows.append((name, "-", "-", "-", "-", r["skipped"]))
            continue
        rows.append((name, f"{r['wall']:.2f}", f"{r['mb_s']:.1f}", f"{r['cpu']:.2f}", f"{r['mb_cpu_s']:.1f}",
                     f"{w1['wall'] / r['wall']:.2f}"))
    widths = [max(len(str(r[i])) for r in rows) for i in range(6)]
    for i, r in enumerate(rows):
        print("  ".join(str(v).ljust(widths[k]) if k in (0,) else str(v).rjust(widths[k]) for k, v in enumerate(r)))
        if i == 0:
            print("  ".join("-" * w for w in widths))


def print_table(report: dict, jobs: int) -> None:
    print(f"\n{report['cores']} cores; each measure {report['repeat']} times, alternating")
    if "prose" in report:
        p = report["prose"]
        print_runs(f"real prose: {p['path']}, {p['files']} files, {p['mb']:.1f} MB", p["runs"])
    if "corpus" in report:
        c = report["corpus"]
        print_runs(f"generated corpus: {c['files']} files, {c['bytes'] / 1e6:.1f} MB ({c['simplified']} simplified, "
                   f"{c['traditional']} traditional, {c['mixed']} mixed; {c['gb18030']} GB18030, "
                   f"{c['markdown']} Markdown)", report["generated"])
    rg = report.get("ripgrep")
    if rg and "skipped" in rg:
        print(f"\nripgrep: {rg['skipped']}")
    elif rg:
        mb = report["corpus"]["bytes"] / 1e6
        print(f"\nripgrep, {rg['patterns']} patterns of {rg['source']} "
              f"({', '.join(f'{n} with the {name} engine' for name, n in rg['engines'].items())}"
              + (f"; {rg['patterns_dropped']} not valid for rg, left out" if rg["patterns_dropped"] else "") + "):")
        for key in ("1 thread", "all threads"):
            r = rg[key]
            print(f"  {key}: {mb / r['seconds']:.1f} MB/s, {r['seconds']:.2f} s, {r['matches']} matches")
    if "memory" in report:
        c, big = report["corpus"], report["corpus_10x"]
        print(f"\npeak RSS, {c['bytes'] / 1e6:.0f} MB vs {big['bytes'] / 1e6:.0f} MB corpus (--jobs 1):")
        for name, m in report["memory"].items():
            print(f"  wenlint {name:8} {m['small_mb']:7.0f} MB -> {m['large_mb']:7.0f} MB  (x{m['ratio']:.2f}, "
                  f"{'flat' if m['flat'] else 'NOT flat'})")
    print(f"\nstart-up, wenlint check on one small file: {report['startup_s']:.3f} s (median; CPU "
          f"{report['startup_cpu_s']:.3f} s)")
    print("\ntargets:")
    for name, t in report["targets"].items():
        print(f"  {'ok ' if t['met'] else 'MISS'} {name}: {t['value']}")


if __name__ == "__main__":
    sys.exit(main())
