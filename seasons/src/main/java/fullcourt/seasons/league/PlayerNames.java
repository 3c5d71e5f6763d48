package fullcourt.seasons.league;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Draws unique made-up player names from first- and last-name lists. */
final class PlayerNames {

    private static final String[] FIRST = {
        "Aaron", "Adrian", "Alec", "Andre", "Anthony", "Ben", "Brandon", "Bryce", "Caleb", "Cam",
        "Cedric", "Chris", "Cole", "Corey", "Damian", "Dante", "Darius", "Davon", "Derrick", "Devin",
        "Dillon", "Dominic", "Dwayne", "Elijah", "Eric", "Evan", "Gabe", "Grant", "Isaiah", "Jabari",
        "Jalen", "Jamal", "Jaylen", "Jordan", "Josh", "Julius", "Justin", "Kai", "Keegan", "Kendrick",
        "Kevin", "Kyle", "Lamar", "Landry", "Luka", "Malik", "Marcus", "Mason", "Miles", "Nate",
        "Nikola", "Obi", "Omar", "Patrick", "Quentin", "Reggie", "Ricky", "Roman", "Sam", "Scottie",
        "Shai", "Terrence", "Theo", "Trey", "Tyler", "Tyrese", "Victor", "Walker", "Xavier", "Zion"};

    private static final String[] LAST = {
        "Abbott", "Ashford", "Baines", "Bellamy", "Booker", "Bridges", "Calloway", "Carver", "Coleman",
        "Crawford", "Dalton", "Dawkins", "Ellison", "Fairley", "Fontaine", "Garrison", "Gentry", "Graves",
        "Hadley", "Hampton", "Harlow", "Holloway", "Ingram", "Jarrett", "Keaton", "Kimble", "Langford",
        "Lowry", "Maddox", "Marsh", "McBride", "Merritt", "Monroe", "Nance", "Noland", "Okafor", "Oakley",
        "Pearce", "Pruitt", "Quarles", "Radford", "Redding", "Rollins", "Sanford", "Sheppard", "Slater",
        "Stokes", "Sutton", "Tatum", "Thorne", "Tillman", "Underwood", "Vance", "Wade", "Whitfield",
        "Winslow", "Wooten", "Yates", "Young", "Zeller"};

    private final Set<String> used = new HashSet<>();

    String next(RandomGenerator random) {
        while (true) {
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            if (used.add(name)) {
                return name;
            }
        }
    }
}
