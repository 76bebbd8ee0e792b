package org.vinfra.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.results.SimulationResult;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** The simulator on any model that validates, for 1 s to 2 h: it ends, without an exception, and reports every problem. */
class SimulationFuzzTest {

    @FuzzTest
    void simulate(FuzzedDataProvider data) {
        Choices input = Choices.of(data);
        int seconds = input.next(1, 7200);
        long seed = input.next(Integer.MIN_VALUE, Integer.MAX_VALUE);
        Fuzzing.Loaded loaded = Fuzzing.load(input.text);
        if (loaded.hasErrors()) {
            return;
        }
        SimulationOptions options = SimulationOptions.defaults(seconds).withJitter(seed, 0.2);
        SimulationResult result = new StackSimulation(ModelToSimulation.map(loaded.models().models()), options).run(progress -> {
        });
        assertNotNull(result.run());
        assertTrue(result.run().endedAt() <= seconds + 1e-6, () -> "simulated past the end: " + result.run().endedAt());
        String text = loaded.models().models().isEmpty() ? "" : org.vinfra.lang.edit.ModelEdits.textOf(loaded.models().models().get(0).eResource());
        result.problems().forEach(problem -> Fuzzing.checkMessage(text, problem.message()));
    }
}
