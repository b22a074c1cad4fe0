package dev.jwtflights.users;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a sign-in costs at least: one BCrypt check, with the encoder the application configures (its strength
 * included). Login is bound by it by design; this says by how much. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Djmh.args='PasswordCheckBenchmark'} (see README, <em>Benchmarks</em>).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class PasswordCheckBenchmark {

    private PasswordEncoder encoder;

    private String hash;

    @Setup
    public void setUp() {
        this.encoder = new PasswordConfiguration().passwordEncoder();
        this.hash = this.encoder.encode("correct horse battery staple");
    }

    /** A right password (a wrong one costs the same). */
    @Benchmark
    public boolean matches() {
        return this.encoder.matches("correct horse battery staple", this.hash);
    }

}
