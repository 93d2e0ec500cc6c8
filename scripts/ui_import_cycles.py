#!/usr/bin/env python3
"""Lists `use`/path edges between the module files of src/ui and prints the
cycles (strongly connected components with more than one file)."""
import os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else 'src/ui'
files = {}
for d, _, fs in os.walk(root):
    for f in fs:
        if f.endswith('.rs'):
            p = os.path.join(d, f)
            rel = os.path.relpath(p, root)[:-3]
            parts = rel.split(os.sep)
            if parts[-1] == 'mod':
                parts = parts[:-1]
            files[tuple(parts)] = p
def resolve(path):
    # the longest prefix of `path` that is a module file
    for n in range(len(path), -1, -1):
        if tuple(path[:n]) in files:
            return tuple(path[:n])
    return None
edges = set()
for mod, p in files.items():
    src = open(p).read()
    src = re.sub(r'#\[cfg\(test\)\]\s*mod tests \{.*', '', src, flags=re.S)
    src = re.sub(r'//[^\n]*', '', src)
    for m in re.finditer(r'\b((?:crate::ui|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*|::\{)+)', src):
        text = m.group(1).replace('::{', '')
        segs = text.split('::')
        if segs[0] == 'crate':
            path = segs[2:]
        else:
            base = list(mod) if files[mod].endswith('mod.rs') or mod == () else list(mod)
            # in a non-mod file, `super` is the parent module; in mod.rs too
            cur = list(mod)
            path = []
            i = 0
            while i < len(segs) and segs[i] in ('super', 'self'):
                if segs[i] == 'super':
                    cur = cur[:-1]
                i += 1
            path = cur + segs[i:]
        # brace groups: also add each item
        start = m.end()
        targets = [path]
        if src[m.end()-1:m.end()] == '{' or m.group(1).endswith('::{'):
            depth, j = 1, m.end()
            while j < len(src) and depth:
                depth += {'{': 1, '}': -1}.get(src[j], 0); j += 1
            for item in re.split(r'[,\s]+', src[m.end():j-1]):
                item = item.strip().split('::')[0]
                if item and re.match(r'[a-z_][a-z0-9_]*$', item) and item != 'self':
                    targets.append(path + [item])
        for t in targets:
            pass
        for t in targets:
            r = resolve(t)
            if r is not None and r != mod:
                edges.add((mod, r))
# Paths that start at a child module ("use view::draw" in a parent).
for mod, p in files.items():
    src = open(p).read()
    src = re.sub(r'#\[cfg\(test\)\]\s*mod tests \{.*', '', src, flags=re.S)
    src = re.sub(r'//[^\n]*', '', src)
    children = {m[-1] for m in files if len(m) == len(mod) + 1 and m[:len(mod)] == mod}
    for m in re.finditer(r'(?<![:\w])([a-z_][a-z0-9_]*)::', src):
        if m.group(1) in children and not re.search(r'mod\s+$', src[max(0, m.start()-8):m.start()]):
            edges.add((mod, mod + (m.group(1),)))
name = lambda m: '/'.join(m) or 'ui'
# Edges from a child to an ancestor it is declared in are fine only if the
# ancestor does not use the child back; Tarjan finds any cycle.
graph = {m: [b for a, b in edges if a == m] for m in files}
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
sys.setrecursionlimit(10000)
def strong(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in graph[v]:
        if w not in index:
            strong(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        sccs.append(comp)
for v in files:
    if v not in index:
        strong(v)
cycles = [c for c in sccs if len(c) > 1]
print(f'{len(files)} files, {len(edges)} edges between them')
for c in cycles:
    names = sorted(name(m) for m in c)
    print('CYCLE:', ' <-> '.join(names))
    for a, b in sorted(edges):
        if a in c and b in c:
            print('   ', name(a), '->', name(b))
if not cycles:
    print('no import cycles')
sys.exit(1 if cycles else 0)
