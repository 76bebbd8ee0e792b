#!/usr/bin/python3
"""What liblxc reads from LXC configs, compared by meaning.

Usage: lxc-meaning.py ORIGINAL EXPORTED   (exit 0: the same; 1: they differ, the differences on stdout; 2: a config does not load)

Both configs are loaded by liblxc itself (python3-lxc's load_config, includes followed) and every key it
knows is read back, the numbered networks key by key. A legacy (LXC 2) original is first converted with
lxc-update-config, as LXC's own tool converts it. Then only differences of spelling are removed: sizes
(512M is 536870912), capability names (case), the order of id maps, cgroup v1 and v2 keys of the same
limit (memory.limit_in_bytes / memory.max, cpu.shares / cpu.weight, blkio.weight / io.weight).
"""
import os, re, shutil, subprocess, sys, tempfile

import lxc

SIZE = re.compile(r'^(\d+)\s*([kmgtKMGT]?)[bB]?$')


def size(value):
    m = SIZE.match(value.strip())
    if not m:
        return value
    return str(int(m.group(1)) << {'': 0, 'k': 10, 'm': 20, 'g': 30, 't': 40}[m.group(2).lower()])


def shares_to_weight(shares):
    shares = max(2, min(262144, int(shares)))
    return str(1 + ((shares - 2) * 9999) // 262142)


def cgroup_lines(lines):
    out = {}
    for line in lines:
        key, _, value = line.partition('=')
        key, value = key.strip(), value.strip()
        key = key.replace('lxc.cgroup2.', 'cgroup.').replace('lxc.cgroup.', 'cgroup.')
        if key in ('cgroup.memory.limit_in_bytes', 'cgroup.memory.max'):
            key, value = 'cgroup.memory', size(value)
        elif key == 'cgroup.cpu.shares':
            key, value = 'cgroup.cpu.weight', shares_to_weight(value)
        elif key in ('cgroup.blkio.weight', 'cgroup.io.weight'):
            key = 'cgroup.io.weight'
        out[key] = value
    return out


def read(path):
    work = tempfile.mkdtemp()
    try:
        with open(path) as f:
            text = f.read()
        if re.search(r'^\s*lxc\.(network|utsname|rootfs\s*=|id_map|aa_profile|tty\s*=|console\s*=|pts|devttydir|mount\s*=|logfile|loglevel|init_cmd|haltsignal|stopsignal|se_context|seccomp\s*=)', text, re.M):
            copy = os.path.join(work, 'config')
            shutil.copy(path, copy)
            subprocess.run(['lxc-update-config', '-c', copy], check=True, capture_output=True)
            # lxc-update-config renames an indexed lxc.network.N.ipv4 to lxc.net.N.ipv4, a key LXC 3+ does not know; LXC 2 read it as the address
            with open(copy) as f:
                updated = re.sub(r'^(\s*lxc\.net\.\d+\.ipv[46])(\s*=)', r'\1.address\2', f.read(), flags=re.M)
            with open(copy, 'w') as f:
                f.write(updated)
            path = copy
        c = lxc.Container('probe', work)
        if not c.load_config(path):
            return None
        meaning = {}
        for key in c.get_keys():
            if key in ('lxc.net', 'lxc.hook', 'lxc.include', 'lxc.cgroup', 'lxc.cgroup2'):
                continue
            try:
                value = c.get_config_item(key)
            except Exception:
                continue
            if value in ('', [], None):
                continue
            if isinstance(value, list):
                value = sorted(value)
            meaning[key] = value
        for line_key in ('lxc.cgroup', 'lxc.cgroup2'):
            try:
                meaning.update(cgroup_lines(c.get_config_item(line_key) or []))
            except Exception:
                pass
        try:
            nets = c.get_config_item('lxc.net') or []
        except Exception:
            nets = []
        for i in range(len(nets)):
            for sub in c.get_keys('lxc.net.%d' % i):
                try:
                    value = c.get_config_item('lxc.net.%d.%s' % (i, sub))
                except Exception:
                    continue
                if value not in ('', [], None, '0') or sub == 'type':
                    meaning['lxc.net.%d.%s' % (i, sub)] = sorted(value) if isinstance(value, list) else value
        for key in ('lxc.cap.keep', 'lxc.cap.drop'):
            if key in meaning:
                caps = meaning[key] if isinstance(meaning[key], list) else meaning[key].split()
                meaning[key] = sorted(c.lower().replace('cap_', '') for cap in caps for c in cap.split())
        if 'lxc.idmap' in meaning:
            meaning['lxc.idmap'] = sorted(meaning['lxc.idmap'].split('\n'))
        if 'lxc.mount.entry' in meaning:
            meaning['lxc.mount.entry'] = sorted(re.sub(r'^(\S+)\s+/+', r'\1 ', e) for e in meaning['lxc.mount.entry'])
        return meaning
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    original, exported = read(sys.argv[1]), read(sys.argv[2])
    if original is None or exported is None:
        print('does not load: ' + (sys.argv[1] if original is None else sys.argv[2]))
        return 2
    differences = [(k, original.get(k), exported.get(k)) for k in sorted(set(original) | set(exported)) if original.get(k) != exported.get(k)]
    for key, a, b in differences:
        print('%s: %r <> %r' % (key, a, b))
    return 1 if differences else 0


if __name__ == '__main__':
    sys.exit(main())
