package org.vinfra.formats;

/** The cgroup hierarchy LXC configs are written for: v2 (the default) or v1 (hosts still on v1 or hybrid). */
public enum CgroupVersion {
    V1, V2
}
