package dev.actionrec.data;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tracks which groups are held out and how far the held-out class shares are from target. */
final class SplitBalance {

    private final Map<String, int[]> groupCounts = new HashMap<>();
    private final int[] classTotals;
    private final int[] heldOutCounts;
    private final double fraction;
    private final Set<String> heldOut = new HashSet<>();

    SplitBalance(List<String> labels, Map<String, List<LabelledClip>> byGroup, double fraction) {
        this.fraction = fraction;
        this.classTotals = new int[labels.size()];
        this.heldOutCounts = new int[labels.size()];
        for (Map.Entry<String, List<LabelledClip>> entry : byGroup.entrySet()) {
            int[] counts = new int[labels.size()];
            for (LabelledClip clip : entry.getValue()) {
                int index = labels.indexOf(clip.label());
                if (index < 0) {
                    throw new IllegalArgumentException(
                            "clip "
                                    + clip.path()
                                    + " has label "
                                    + clip.label()
                                    + ", which is not among the labels "
                                    + labels);
                }
                counts[index]++;
                classTotals[index]++;
            }
            groupCounts.put(entry.getKey(), counts);
        }
    }

    boolean isHeldOut(String group) {
        return heldOut.contains(group);
    }

    /** Returns the distance of the held-out class shares from the target fraction. */
    double cost() {
        return costWith(null, 0);
    }

    /** Returns {@link #cost()} as it would be after moving the group to the other side. */
    double costIfMoved(String group) {
        return costWith(groupCounts.get(group), isHeldOut(group) ? -1 : 1);
    }

    void move(String group) {
        int sign = isHeldOut(group) ? -1 : 1;
        int[] counts = groupCounts.get(group);
        for (int c = 0; c < counts.length; c++) {
            heldOutCounts[c] += sign * counts[c];
        }
        if (sign > 0) {
            heldOut.add(group);
        } else {
            heldOut.remove(group);
        }
    }

    /**
     * Moves groups so that each class with at least two groups is on both sides, and so that
     * neither side is empty. Visits candidates in {@code order} and picks the cheapest move.
     */
    void repair(List<String> order) {
        for (int pass = 0; pass < 2 * classTotals.length; pass++) {
            int missing = findMissingClass();
            if (missing < 0) {
                break;
            }
            String best = cheapestMove(order, missing, heldOutCounts[missing] == 0);
            if (best == null) {
                break;
            }
            move(best);
        }
        if (heldOut.isEmpty() || heldOut.size() == groupCounts.size()) {
            move(cheapestMove(order, -1, heldOut.isEmpty()));
        }
    }

    /** Returns a class absent from one side that has clips in at least two groups, or -1. */
    private int findMissingClass() {
        for (int c = 0; c < classTotals.length; c++) {
            boolean oneSided = heldOutCounts[c] == 0 || heldOutCounts[c] == classTotals[c];
            if (classTotals[c] > 0 && oneSided && groupsWithClass(c) >= 2) {
                return c;
            }
        }
        return -1;
    }

    private int groupsWithClass(int c) {
        int groups = 0;
        for (int[] counts : groupCounts.values()) {
            groups += counts[c] > 0 ? 1 : 0;
        }
        return groups;
    }

    /**
     * Returns the cheapest group to move, among those with clips of class {@code c} (any class if c
     * is -1) on the side it moves from: training when {@code toHeldOut}, else held-out.
     */
    private String cheapestMove(List<String> order, int c, boolean toHeldOut) {
        String best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (String group : order) {
            boolean eligible =
                    isHeldOut(group) != toHeldOut && (c < 0 || groupCounts.get(group)[c] > 0);
            double cost = eligible ? costIfMoved(group) : Double.POSITIVE_INFINITY;
            if (cost < bestCost) {
                best = group;
                bestCost = cost;
            }
        }
        return best;
    }

    private double costWith(int[] delta, int sign) {
        double cost = 0;
        for (int c = 0; c < classTotals.length; c++) {
            if (classTotals[c] == 0) {
                continue;
            }
            int count = heldOutCounts[c] + (delta == null ? 0 : sign * delta[c]);
            cost += Math.abs(count / (double) classTotals[c] - fraction);
        }
        return cost;
    }
}
