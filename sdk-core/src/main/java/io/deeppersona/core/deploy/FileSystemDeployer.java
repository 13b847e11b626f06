package io.deeppersona.core.deploy;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.artifact.ArtifactManifest;
import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.core.artifact.ArtifactArchive;
import io.deeppersona.core.artifact.ModelArtifacts;
import io.deeppersona.core.deploy.DeploymentHistory.Action;
import io.deeppersona.core.deploy.DeploymentHistory.Event;
import io.deeppersona.spi.DeployedVersion;
import io.deeppersona.spi.Deployer;
import io.deeppersona.spi.ModelProvider;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Deployer} that keeps versions in a folder:
 *
 * <pre>
 * root/versions/v0001/...   one verified artifact per version, never modified after it lands
 * root/ACTIVE               the active version id, replaced atomically
 * root/HISTORY              deploys, activations and rollbacks, one per line
 * </pre>
 *
 * <p>A deploy is unpacked or copied into {@code root/staging-<random>}, verified, renamed into {@code versions/}
 * in one step, and only then activated; a failure at any point deletes the staging folder and leaves
 * {@code ACTIVE} as it was. Thread-safe. {@code ACTIVE} is re-read from disk on every call, so deployers sharing
 * one root agree on the active version; version ids are claimed by an atomic rename, so concurrent deploys from
 * two deployers get distinct ids.
 *
 * <p>Given a provider lookup (e.g. {@code registry::findModel}), the deployer also refuses to deploy, activate or
 * roll back to a version whose model provider is not registered or is older than the artifact's payload version,
 * so that a serving host never switches to a version it cannot load.
 */
public final class FileSystemDeployer implements Deployer {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemDeployer.class);
    private static final int MAX_ID_CLAIMS = 100;

    private final Path root;
    private final Path versionsDir;
    private final Path activeFile;
    private final DeploymentHistory history;
    private final int keepVersions;
    private final Clock clock;
    private final Function<String, Optional<ModelProvider>> providers;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * Creates a deployer over {@code root}; folders are created on the first deploy.
     *
     * @param keepVersions how many versions to keep (oldest deleted first, never the active one); 0 keeps all
     */
    public FileSystemDeployer(Path root, int keepVersions, Clock clock) {
        this(root, keepVersions, clock, null);
    }

    /**
     * Creates a deployer over {@code root} that checks, before any version becomes active, that its model provider
     * is known to {@code providers} and reads its payload version.
     *
     * @param keepVersions how many versions to keep (oldest deleted first, never the active one); 0 keeps all
     * @param providers looks a model provider up by the manifest's name, e.g. {@code registry::findModel}; null
     *     skips the check (the artifact is still verified)
     */
    public FileSystemDeployer(Path root, int keepVersions, Clock clock,
            Function<String, Optional<ModelProvider>> providers) {
        this.providers = providers;
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        if (keepVersions < 0) {
            throw new IllegalArgumentException("keepVersions must be >= 0, got " + keepVersions);
        }
        this.keepVersions = keepVersions;
        this.clock = requireNonNull(clock, "clock is null");
        this.versionsDir = this.root.resolve("versions");
        this.activeFile = this.root.resolve("ACTIVE");
        this.history = new DeploymentHistory(this.root.resolve("HISTORY"));
    }

    /** Returns the root folder. */
    public Path root() {
        return root;
    }

    /**
     * {@inheritDoc}
     *
     * @param artifact an artifact folder or a zip made by {@link ArtifactArchive#pack}
     */
    @Override
    public DeployedVersion deploy(Path artifact) {
        requireNonNull(artifact, "artifact is null");
        lock.lock();
        Path staging = root.resolve("staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(versionsDir);
            stage(artifact, staging);
            ArtifactManifest manifest = ModelArtifacts.verify(staging);
            checkProvider(manifest, artifact, "deploy");
            String version = claimVersion(staging);
            try {
                history.append(new Event(clock.instant(), Action.DEPLOYED, version));
                writeActive(version);
            } catch (IOException | RuntimeException e) {
                discardUnactivated(version, e);
                throw e;
            }
            history.append(new Event(clock.instant(), Action.ACTIVATED, version));
            LOG.info("Deployed model '{}' from {} as {} in {}", manifest.model().provider(), artifact.getFileName(),
                    version, root);
            prune(version);
            return describe(version, version);
        } catch (IOException e) {
            throw new DeploymentException("Cannot deploy " + artifact + " into " + root + ": " + e
                    + "; the previously active version stays active", e);
        } finally {
            try {
                FileTrees.delete(staging);
            } catch (IOException e) {
                LOG.warn("Could not delete staging folder {}; it holds no active version and may be removed",
                        staging, e);
            }
            lock.unlock();
        }
    }

    @Override
    public DeployedVersion activate(String version) {
        requireNonNull(version, "version is null");
        lock.lock();
        try {
            requireKnown(version);
            Path dir = versionsDir.resolve(version);
            checkProvider(ModelArtifacts.verify(dir), dir, "activate");
            activateVerified(version, Action.ACTIVATED);
            return describe(version, version);
        } catch (IOException e) {
            throw new DeploymentException("Cannot activate " + version + " in " + root + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DeployedVersion rollback() {
        lock.lock();
        try {
            String current = readActive().orElseThrow(() -> new DeploymentException(
                    "Cannot roll back in " + root + ": no version is active yet; deploy one first"));
            Deque<String> stack = history.activationStack(current);
            stack.pop();
            while (!stack.isEmpty() && (stack.peek().equals(current) || !isStored(stack.peek()))) {
                stack.pop();
            }
            if (stack.isEmpty()) {
                throw new DeploymentException("Cannot roll back from " + current + " in " + root
                        + ": no earlier version was active (or it was deleted); stored versions: " + storedIds());
            }
            String target = stack.peek();
            Path dir = versionsDir.resolve(target);
            checkProvider(ModelArtifacts.verify(dir), dir, "roll back to");
            activateVerified(target, Action.ROLLED_BACK);
            LOG.info("Rolled back from {} to {} in {}", current, target, root);
            return describe(target, target);
        } catch (IOException e) {
            throw new DeploymentException("Cannot roll back in " + root + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<DeployedVersion> active() {
        lock.lock();
        try {
            Optional<String> active = readActive();
            if (active.isPresent()) {
                return Optional.of(describe(active.get(), active.get()));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new DeploymentException("Cannot read the active version in " + root + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<DeployedVersion> versions() {
        lock.lock();
        try {
            String active = readActive().orElse(null);
            List<DeployedVersion> versions = new ArrayList<>();
            for (String id : storedIds()) {
                versions.add(describe(id, active));
            }
            return List.copyOf(versions);
        } catch (IOException e) {
            throw new DeploymentException("Cannot list versions in " + root + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Path artifactPath(String version) {
        requireNonNull(version, "version is null");
        lock.lock();
        try {
            requireKnown(version);
            return versionsDir.resolve(version);
        } catch (IOException e) {
            throw new DeploymentException("Cannot look up " + version + " in " + root + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private void stage(Path artifact, Path staging) throws IOException {
        if (Files.isDirectory(artifact, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(staging);
            FileTrees.copy(artifact, staging);
        } else if (Files.isRegularFile(artifact, LinkOption.NOFOLLOW_LINKS)) {
            ArtifactArchive.unpack(artifact, staging);
        } else {
            throw new DeploymentException("Cannot deploy " + artifact
                    + ": it is neither an artifact folder nor a zip file (missing, or a symbolic link)");
        }
    }

    private void checkProvider(ArtifactManifest manifest, Path artifact, String action) {
        if (providers != null) {
            ProviderCheck.requireLoadable(manifest, artifact, action, providers);
        }
    }

    /** Moves the verified staging folder to the next free version id in one rename; retries if another took it. */
    private String claimVersion(Path staging) throws IOException {
        int next = Math.max(highestStoredNumber(), history.highestVersionNumber()) + 1;
        for (int attempt = 0; attempt < MAX_ID_CLAIMS; attempt++, next++) {
            Path target = versionsDir.resolve(VersionIds.of(next));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return VersionIds.of(next);
            } catch (IOException e) {
                // Another deployer on this root claimed the id between our check and our rename.
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
            }
        }
        throw new DeploymentException("Cannot claim a version id in " + versionsDir + " after " + MAX_ID_CLAIMS
                + " attempts; is another process deploying in a loop?");
    }

    /** Removes a version that landed but never became active, so a failed deploy leaves no version behind. */
    private void discardUnactivated(String version, Exception failure) {
        try {
            Path trash = root.resolve("trash-" + UUID.randomUUID());
            Files.move(versionsDir.resolve(version), trash, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(trash);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private void activateVerified(String version, Action action) throws IOException {
        writeActive(version);
        history.append(new Event(clock.instant(), action, version));
    }

    private void writeActive(String version) throws IOException {
        // Readers see the old or the new id, never a torn file: write aside, flush, then rename over.
        Path temp = Files.createTempFile(root, ".ACTIVE-", ".tmp");
        try {
            Files.writeString(temp, version + "\n", StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, activeFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Optional<String> readActive() throws IOException {
        String id;
        try {
            id = Files.readString(activeFile, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!VersionIds.isValid(id)) {
            throw new DeploymentException(activeFile + " holds '" + id + "', not a version id like v0001; "
                    + "activate a version to repair it");
        }
        return Optional.of(id);
    }

    private void requireKnown(String version) throws IOException {
        if (!VersionIds.isValid(version) || !isStored(version)) {
            throw new DeploymentException("Unknown version '" + version + "' in " + root + "; stored versions: "
                    + storedIds());
        }
    }

    private boolean isStored(String version) {
        return Files.isDirectory(versionsDir.resolve(version), LinkOption.NOFOLLOW_LINKS);
    }

    /** Returns the stored version ids, oldest first. */
    private List<String> storedIds() throws IOException {
        if (!Files.isDirectory(versionsDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(versionsDir)) {
            return children.map(path -> path.getFileName().toString())
                    .filter(VersionIds::isValid)
                    .filter(this::isStored)
                    .sorted(Comparator.comparingInt(id -> VersionIds.number(id).getAsInt()))
                    .toList();
        }
    }

    private int highestStoredNumber() throws IOException {
        return storedIds().stream().mapToInt(id -> VersionIds.number(id).getAsInt()).max().orElse(0);
    }

    private DeployedVersion describe(String version, String active) throws IOException {
        Path dir = versionsDir.resolve(version);
        if (!isStored(version)) {
            throw new DeploymentException(activeFile + " names " + version + ", but " + dir
                    + " is missing; activate a stored version: " + storedIds());
        }
        ArtifactManifest manifest = ModelArtifacts.readManifest(dir);
        return new DeployedVersion(version, manifest.model().provider(),
                history.deployedAt(version).orElse(manifest.createdAt()), manifest.validationScores(),
                version.equals(active));
    }

    /** Deletes the oldest versions beyond {@code keepVersions}, never the active or the one just deployed. */
    private void prune(String keep) {
        if (keepVersions == 0) {
            return;
        }
        try {
            List<String> stored = new ArrayList<>(storedIds());
            String active = readActive().orElse(keep);
            for (String id : List.copyOf(stored)) {
                if (stored.size() <= keepVersions) {
                    break;
                }
                if (id.equals(active) || id.equals(keep)) {
                    continue;
                }
                // Renamed away first, so a crash mid-delete never leaves a half version under versions/.
                Path trash = root.resolve("trash-" + UUID.randomUUID());
                Files.move(versionsDir.resolve(id), trash, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.delete(trash);
                stored.remove(id);
                LOG.info("Deleted old version {} in {} (keepVersions={})", id, root, keepVersions);
            }
        } catch (IOException e) {
            // The deploy itself succeeded; a version left over is only disk space.
            LOG.warn("Could not delete old versions in {}", root, e);
        }
    }
}
