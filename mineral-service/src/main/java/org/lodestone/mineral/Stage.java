package org.lodestone.mineral;

/** Supply-chain stage of a supply share. */
public enum Stage {
    MINING,
    REFINING
}
