package dev.jwtflights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's module map is the real one: its Mermaid diagram has one box per application module and one arrow per
 * module dependency that Spring Modulith computes from the code, no more and no fewer.
 */
class ModuleMapTests {

    private static final Pattern DIAGRAM = Pattern.compile("```mermaid\\R(.*?)```", Pattern.DOTALL);

    private static final Pattern ARROW = Pattern.compile("^\\s*(\\w+)(?:\\(\\w+\\))?\\s*-->\\s*(\\w+)\\s*$",
            Pattern.MULTILINE);

    private static final Pattern BOX = Pattern.compile("^\\s*(\\w+)\\s*[\\[(]", Pattern.MULTILINE);

    @Test
    void readmeDiagramArrowsAreTheModuleDependencies() throws IOException {
        String diagram = diagram();
        Set<String> drawn = new TreeSet<>();
        Matcher arrow = ARROW.matcher(diagram);
        while (arrow.find()) {
            drawn.add(arrow.group(1) + " --> " + arrow.group(2));
        }

        Set<String> computed = new TreeSet<>();
        for (ApplicationModule module : ModularityTests.MODULES) {
            module.getDirectDependencies(ModularityTests.MODULES)
                .uniqueModules()
                .forEach((target) -> computed.add(module.getName() + " --> " + target.getName()));
        }

        assertThat(drawn).isEqualTo(computed);
    }

    @Test
    void readmeDiagramHasABoxForEveryModule() throws IOException {
        Set<String> boxes = new TreeSet<>();
        Matcher box = BOX.matcher(diagram());
        while (box.find()) {
            boxes.add(box.group(1));
        }

        Set<String> modules = new TreeSet<>();
        ModularityTests.MODULES.forEach((module) -> modules.add(module.getName()));

        assertThat(boxes).isEqualTo(modules);
    }

    private static String diagram() throws IOException {
        Matcher matcher = DIAGRAM.matcher(Files.readString(Path.of("README.md")));
        assertThat(matcher.find()).as("README.md has a mermaid diagram").isTrue();
        return matcher.group(1);
    }

}
