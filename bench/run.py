"""wenlint benchmarks: throughput against autocorrect-py and ripgrep, memory, start-up.

    python bench/run.py                 # an 8 MB corpus (and 80 MB for the memory check)
    python bench/run.py --size 20MB     # larger; --keep writes the corpus to bench/corpus/

Steps, all on the same generated files:

1. Generate a corpus from seeds/: varied copies (paragraphs rotated, numbers and place names
   changed, website furniture, placeholders and repeated paragraphs added or not, endings cut),
   in Simplified and Traditional script (OpenCC s2t / t2s), a few mixed, a tenth in GB18030,
   a tenth as Markdown; up to --size bytes, and a second corpus ten times larger.
2. wenlint's throughput (MB of files per second) with the default rules, reading and decoding
   included, on one process (--jobs 1) and on all cores.
3. autocorrect-py's lint (`autocorrect_py.lint_for(text, filename)`, a CJK linter written in
   Rust; `pip install 'wenlint[bench]'`) over the same texts, on one core.
4. ripgrep (`rg`, Debian package ripgrep) counting matches of the chrome and placeholder
   patterns of the shipped packs, on one thread and on all: the speed of a plain pattern search.
5. Peak memory (RSS) of `wenlint profile` and `wenlint check` in a subprocess, on the corpus and
   on the one ten times larger: it must stay flat (both stream; `bench/memory.py` runs this step alone).
6. Start-up time of `wenlint check` on one small file (bench/startup.py).

It prints a table and writes JSON to bench/out/ (latest.json and a timestamped copy). Targets:
default rules at least twice autocorrect-py's lint throughput on one core; two processes at least
1.7 times one; memory flat; start-up under 0.3 s. Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEEDS = ROOT / "seeds"
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


def corpus_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.suffix in (".txt", ".md"))


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


# ----- 2. wenlint ---------------------------------------------------------------------------

def time_wenlint(directory: Path, jobs: int, repeat: int) -> dict:
    from wenlint.config import Overrides
    from wenlint.engine.run import RunOptions, run
    from wenlint.engine.runner import Linter

    rules = len(Linter().rules)  # also loads the registry before the clock starts
    best, findings = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = run([str(directory)], Overrides(), RunOptions(isolated=True, jobs=jobs))
        best = min(best, time.perf_counter() - start)
        findings = len(result.findings)
    return {"seconds": best, "findings": findings, "rules": rules}


# ----- 3. autocorrect-py --------------------------------------------------------------------

def time_autocorrect(files: list[Path], repeat: int) -> dict:
    try:
        import autocorrect_py
    except ImportError:
        return {"skipped": "autocorrect-py is not installed (pip install 'wenlint[bench]')"}
    best, lines = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        lines = 0
        for path in files:
            result = autocorrect_py.lint_for(read_text(path), path.name)
            lines += len(result.lines)
        best = min(best, time.perf_counter() - start)
    return {"seconds": best, "findings": lines}


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
    """Peak resident memory of a child process in MB (Linux: ru_maxrss is in kB)."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


def memory(small: Path, large: Path, work: Path) -> dict:
    wenlint = [sys.executable, "-m", "wenlint"]
    commands = {
        "profile": lambda d: wenlint + ["profile", str(d), "--isolated", "--jobs", "1", "-o", str(work / "p.parquet")],
        # No cache: the figure is the run's own, not what an earlier run left behind.
        "check": lambda d: wenlint + ["check", str(d), "--isolated", "--jobs", "1", "--format", "jsonl",
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
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measure; the best counts")
    parser.add_argument("--jobs", type=int, default=None, help="processes for 'all cores' (default: all)")
    parser.add_argument("--keep", action="store_true", help="write the corpora to bench/corpus/ and keep them")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory check (no 10x corpus)")
    parser.add_argument("--startup-runs", type=int, default=11)
    args = parser.parse_args()

    from wenlint import __version__
    from wenlint.engine.pool import default_jobs

    jobs = args.jobs or default_jobs()
    began = time.perf_counter()
    base = BENCH / "corpus" if args.keep else Path(tempfile.mkdtemp(prefix="wenlint-bench-"))
    if args.keep and base.exists():
        shutil.rmtree(base)
    try:
        small, large = base / "n", base / "10n"
        print(f"generating {args.size / 1e6:.1f} MB from seeds/ in {base} ...", file=sys.stderr)
        corpus = generate(small, args.size)
        files = corpus_files(small)
        mb = corpus["bytes"] / 1e6
        report: dict = {
            "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "wenlint": __version__, "commit": git_commit(),
            "python": platform.python_version(), "cores": os.cpu_count(), "jobs": jobs, "corpus": corpus,
        }
        print("wenlint ...", file=sys.stderr)
        one = time_wenlint(small, 1, args.repeat)
        many = time_wenlint(small, jobs, args.repeat)
        report["wenlint"] = {"1 process": {**one, "mb_s": mb / one["seconds"]},
                             f"{jobs} processes": {**many, "mb_s": mb / many["seconds"]}}
        print("autocorrect-py ...", file=sys.stderr)
        report["autocorrect"] = auto = time_autocorrect(files, args.repeat)
        if "seconds" in auto:
            auto["mb_s"] = mb / auto["seconds"]
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

        times = sorted(measure(args.startup_runs))
        report["startup_s"] = times[len(times) // 2]
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
    w1 = report["wenlint"]["1 process"]["mb_s"]
    wn = report["wenlint"][f"{jobs} processes"]["mb_s"]
    out = {}
    if "mb_s" in report["autocorrect"]:
        ratio = w1 / report["autocorrect"]["mb_s"]
        out["2x autocorrect-py on one core"] = {"value": round(ratio, 2), "met": ratio >= 2}
    if jobs >= 2:
        out[f"{jobs} processes >= 1.7x one"] = {"value": round(wn / w1, 2), "met": wn / w1 >= 1.7}
    if "memory" in report:
        for name in ("profile", "check"):
            out[f"memory flat ({name})"] = {"value": round(report["memory"][name]["ratio"], 2),
                                            "met": report["memory"][name]["flat"]}
    out["start-up < 0.3 s"] = {"value": round(report["startup_s"], 3), "met": report["startup_s"] < 0.3}
    return out


def print_table(report: dict, jobs: int) -> None:
    c = report["corpus"]
    print(f"\ncorpus: {c['files']} files, {c['bytes'] / 1e6:.1f} MB ({c['simplified']} simplified, "
          f"{c['traditional']} traditional, {c['mixed']} mixed; {c['gb18030']} GB18030, {c['markdown']} Markdown); "
          f"{report['cores']} cores")
    w1 = report["wenlint"]["1 process"]
    rows = [("measure", "MB/s", "seconds", "vs wenlint 1 proc", "notes")]
    rows.append(("wenlint, default rules, 1 process", f"{w1['mb_s']:.1f}", f"{w1['seconds']:.2f}", "1.00",
                 f"{w1['rules']} rules, {w1['findings']} findings"))
    wn = report["wenlint"][f"{jobs} processes"]
    rows.append((f"wenlint, {jobs} processes", f"{wn['mb_s']:.1f}", f"{wn['seconds']:.2f}",
                 f"{wn['mb_s'] / w1['mb_s']:.2f}", ""))
    auto = report["autocorrect"]
    if "mb_s" in auto:
        rows.append(("autocorrect-py lint_for, 1 core", f"{auto['mb_s']:.1f}", f"{auto['seconds']:.2f}",
                     f"{auto['mb_s'] / w1['mb_s']:.2f}", f"{auto['findings']} findings"))
    else:
        rows.append(("autocorrect-py", "-", "-", "-", auto["skipped"]))
    rg = report["ripgrep"]
    if "skipped" in rg:
        rows.append(("ripgrep", "-", "-", "-", rg["skipped"]))
    else:
        for key in ("1 thread", "all threads"):
            r = rg[key]
            rows.append((f"ripgrep, {rg['patterns']} patterns, {key}", f"{r['mb_s']:.1f}", f"{r['seconds']:.2f}",
                         f"{r['mb_s'] / w1['mb_s']:.2f}", f"{r['matches']} matches"))
    widths = [max(len(str(r[i])) for r in rows) for i in range(5)]
    for i, r in enumerate(rows):
        print("  ".join(str(v).ljust(widths[k]) if k in (0, 4) else str(v).rjust(widths[k]) for k, v in enumerate(r)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    if "skipped" not in rg:
        engines = ", ".join(f"{n} with the {name} engine" for name, n in rg["engines"].items())
        print(f"ripgrep patterns: {rg['source']} ({engines})" + (f"; {rg['patterns_dropped']} not valid for rg, left out"
                                                     if rg["patterns_dropped"] else ""))
    if "memory" in report:
        big = report["corpus_10x"]
        print(f"\npeak RSS, {c['bytes'] / 1e6:.0f} MB vs {big['bytes'] / 1e6:.0f} MB corpus (--jobs 1):")
        for name, m in report["memory"].items():
            print(f"  wenlint {name:8} {m['small_mb']:7.0f} MB -> {m['large_mb']:7.0f} MB  (x{m['ratio']:.2f}, "
                  f"{'flat' if m['flat'] else 'NOT flat'})")
    print(f"\nstart-up, wenlint check on one small file: {report['startup_s']:.3f} s (median)")
    print("\ntargets:")
    for name, t in report["targets"].items():
        print(f"  {'ok ' if t['met'] else 'MISS'} {name}: {t['value']}")


if __name__ == "__main__":
    sys.exit(main())
