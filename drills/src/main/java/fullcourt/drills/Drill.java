package fullcourt.drills;

/** One reliability drill: disturbs an all-in-one run of its scope and checks what must still hold. */
interface Drill {

    DrillResult run(DrillScope scope) throws Exception;

    /** Whether it runs on the whole season rather than the drills' window (the crash drill, as its issue asks). */
    default boolean wholeSeason() {
        return false;
    }
}
