package org.vinfra.sim.engine;

import org.vinfra.sim.engine.Stack.State;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.entities.SimModel.Action;
import org.vinfra.sim.entities.SimModel.Target;

/** The model's timeline: each timed action at its time, handed to the concern it is about. */
final class Timeline {

    private final Stack stack;
    private final int actionKind;
    private final int spikeEndKind;

    Timeline(Stack stack) {
        this.stack = stack;
        actionKind = stack.sim.register(this::onAction);
        spikeEndKind = stack.sim.register(this::onSpikeEnd);
    }

    void schedule() {
        for (int a = 0; a < stack.model.timeline().size(); a++) {
            stack.sim.scheduleAt(stack.model.timeline().get(a).time(), actionKind, a, 0);
        }
    }

    private void onAction(int a, long data) {
        Action action = stack.model.timeline().get(a).action();
        switch (action) {
            case SimModel.Start start -> start(start.target());
            case SimModel.Stop stop -> stop(stop.target());
            case SimModel.Fail fail -> stack.faults.failHost(fail.host());
            case SimModel.Pause pause -> pause(pause.target(), true);
            case SimModel.Resume resume -> pause(resume.target(), false);
            case SimModel.FailNic fail -> stack.faults.failNic(fail.host(), fail.nic());
            case SimModel.RecoverNic recover -> stack.faults.recoverNic(recover.host(), recover.nic());
            case SimModel.Recover recover -> stack.faults.recoverHost(recover.host());
            case SimModel.HotAddMemory add -> stack.memory.hotAdd(add.vm(), add.bytes());
            case SimModel.HotAddVcpus add -> stack.lifecycle.hotAddVcpus(add.vm(), add.vcpus());
            case SimModel.HotRemoveMemory remove -> stack.memory.hotRemove(remove.vm(), remove.bytes());
            case SimModel.Spike spike -> {
                int w = spike.workload();
                stack.cpu.setSpike(w, spike.factor());
                stack.recorder.event(stack.now(), "spike", stack.model.workloads().get(w).name(), "load x" + spike.factor() + " for "
                        + spike.duration() + " s");
                stack.sim.schedule(spike.duration(), spikeEndKind, w, 0);
                loadChanged(w);
            }
        }
    }

    private void onSpikeEnd(int w, long data) {
        stack.cpu.setSpike(w, 1);
        loadChanged(w);
    }

    private void loadChanged(int w) {
        Target target = stack.model.workloads().get(w).target();
        int h = stack.hostOf(target);
        if (h >= 0 && stack.lifecycle.hostUp[h]) {
            if (target.container() && stack.cpu.running(w) && stack.containers.oomKilled(target.index())) {
                return;
            }
            stack.memory.changed(h);
        }
    }

    private void pause(Target target, boolean paused) {
        if (target.container()) {
            stack.containers.paused[target.index()] = paused;
        } else {
            stack.lifecycle.vmPaused[target.index()] = paused;
        }
        stack.recorder.event(stack.now(), paused ? "pause" : "resume", stack.name(target), paused
                ? "paused: its workloads wait, its memory stays" : "resumed");
        int h = stack.hostOf(target);
        if (h >= 0 && stack.lifecycle.hostUp[h]) {
            stack.cpu.changed(h);
        }
    }

    private void start(Target target) {
        if (target.container()) {
            int c = target.index();
            if (!stack.containers.active(c)) {
                stack.containers.state[c] = State.OFF;
                stack.containers.tryStart(c);
            }
        } else {
            int v = target.index();
            if (!stack.lifecycle.active(v)) {
                stack.lifecycle.vmState[v] = State.OFF;
                stack.lifecycle.startVm(v);
            }
        }
    }

    private void stop(Target target) {
        if (target.container()) {
            int c = target.index();
            int h = stack.containers.hostOf(c);
            stack.containers.stop(c, State.OFF);
            stack.recorder.event(stack.now(), "container-stop", stack.model.containers().get(c).name(), "stopped by the timeline");
            stack.memory.changed(h);
        } else {
            int v = target.index();
            stack.lifecycle.stopVm(v, State.OFF, "stopped by the timeline");
            stack.memory.changed(stack.lifecycle.vmHost[v]);
        }
    }
}
