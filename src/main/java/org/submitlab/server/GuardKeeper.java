package org.submitlab.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.policy.LoginLockout;
import org.submitlab.policy.SubmissionPolicy;
import org.submitlab.store.GuardRepository;
import org.submitlab.store.Store;

/**
 * Keeps the policy's lockouts and throttling in the store: seeds a fresh policy from what the last run
 * kept, then writes every change behind it (asynchronously; the writer reads the state when it runs).
 */
final class GuardKeeper implements SubmissionPolicy.StateListener {

    private static final Logger LOG = LoggerFactory.getLogger(GuardKeeper.class);

    private final GuardRepository guards;
    private final SubmissionPolicy policy;

    private GuardKeeper(GuardRepository guards, SubmissionPolicy policy) {
        this.guards = guards;
        this.policy = policy;
    }

    /** Seeds {@code policy} from {@code store} and keeps its changes there from now on. */
    static void seedAndKeep(Store store, SubmissionPolicy policy) {
        GuardKeeper keeper = new GuardKeeper(store.guards(), policy);
        for (LoginLockout.State s : store.guards().lockouts()) {
            policy.seedLockout(s);
            keeper.lockoutChanged(s.name()); // rewrites it, or forgets it when it has expired
        }
        store.guards().throttles().forEach((mailbox, state) -> {
            policy.seedThrottle(mailbox, state);
            keeper.throttleChanged(mailbox);
        });
        policy.setStateListener(keeper);
    }

    @Override
    public void lockoutChanged(String name) {
        try {
            guards.saveLockoutLater(name, () -> policy.lockoutState(name));
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the lockout of {}: {}", name, e.getMessage());
        }
    }

    @Override
    public void throttleChanged(String mailbox) {
        try {
            guards.saveThrottleLater(mailbox, () -> policy.throttleState(mailbox));
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the throttling of {}: {}", mailbox, e.getMessage());
        }
    }
}
