import java.sql.*;
import java.util.*;
/**
 * Times the filtered list's and the due scan's queries, as Hibernate issues them and in candidate forms, against a COPY
 * of a benchmark database (H2 locks the file; never point it at a running service's data):
 *
 * <pre>
 * cp target/bench/data/hindsight.mv.db /tmp/h2copy/
 * java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar src/bench/QueryTimes.java jdbc:h2:file:/tmp/h2copy/hindsight
 * </pre>
 *
 * Every execution uses parameters not used before, because H2 answers a statement executed again with the same
 * parameters (and no write in between) from the result it kept, which hides the real cost.
 */
public class QueryTimes {
    static Connection con;
    static double time(String sql, Object... params) throws Exception {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            long t = System.nanoTime();
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) n++; }
            return (System.nanoTime() - t) / 1e6;
        }
    }
    static void report(String label, String sql, List<Object[]> paramSets) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (Object[] p : paramSets) ms.add(time(sql, p));
        System.out.printf("%-75s %s ms%n", label, ms.stream().map(d -> String.format("%.1f", d)).toList());
    }
    public static void main(String[] a) throws Exception {
        con = DriverManager.getConnection(a[0], "hindsight", "");
        String cols = "select p1_0.id,p1_0.slug,p1_0.statement from prediction p1_0 ";
        String exists = "exists(select 1 from prediction_topic t1_0 where p1_0.id=t1_0.prediction_id and t1_0.topic=?)";
        List<Object[]> topics = new ArrayList<>();
        for (String t : List.of("models", "agents", "jobs", "science", "hardware")) topics.add(new Object[] {0L, "OPEN", t, 0, 51});
        report("list as issued (order by id)", cols + "where p1_0.id>? and p1_0.status in (?) and " + exists
                + " order by p1_0.id offset ? rows fetch first ? rows only", topics);
        List<Object[]> topics2 = new ArrayList<>();
        for (String t : List.of("energy", "safety", "regulation", "hiring", "startups")) topics2.add(new Object[] {0L, "OPEN", t, 0, 51});
        report("list ordered by (status, id), matching ix_prediction_status", cols + "where p1_0.id>? and p1_0.status in (?) and " + exists
                + " order by p1_0.status, p1_0.id offset ? rows fetch first ? rows only", topics2);
        List<Object[]> topics3 = new ArrayList<>();
        for (String t : List.of("speed", "open-source", "robotics", "healthcare", "chips")) topics3.add(new Object[] {t, 0L, "OPEN", 0, 51});
        report("list driven by prediction_topic, ordered by (topic, prediction_id)",
                cols + "join prediction_topic t on t.prediction_id = p1_0.id where t.topic=? and t.prediction_id>? and p1_0.status in (?)"
                + " order by t.topic, t.prediction_id offset ? rows fetch first ? rows only", topics3);
        List<Object[]> windows = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            java.time.OffsetDateTime from = java.time.OffsetDateTime.parse("2026-11-28T13:00:00Z").plusMinutes(d);
            windows.add(new Object[] {"OPEN", from, from.plusDays(30), 0L, 0, 500});
        }
        report("reminder query as issued (dueBetween)", "select p1_0.id from prediction p1_0 where p1_0.status=? and p1_0.due_at>? "
                + "and p1_0.due_at<=? and p1_0.id>? order by p1_0.id offset ? rows fetch first ? rows only", windows);
        for (Object[] w : windows) w[1] = ((java.time.OffsetDateTime) w[1]).plusSeconds(7);
        report("reminder query, USE INDEX (ix_prediction_due)", "select p1_0.id from prediction p1_0 use index (ix_prediction_due) where p1_0.status=? and p1_0.due_at>? "
                + "and p1_0.due_at<=? and p1_0.id>? order by p1_0.id offset ? rows fetch first ? rows only", windows);
        for (Object[] w : windows) w[1] = ((java.time.OffsetDateTime) w[1]).plusSeconds(7);
        report("reminder query without 'order by id' (keyset on due_at instead)", "select p1_0.id from prediction p1_0 where p1_0.status=? and p1_0.due_at>? "
                + "and p1_0.due_at<=? and p1_0.id>? order by p1_0.due_at offset ? rows fetch first ? rows only", windows);
        List<Object[]> days = new ArrayList<>();
        for (int d = 0; d < 3; d++) days.add(new Object[] {"OPEN", java.time.LocalDate.parse("2026-11-28").minusDays(d), 0L, 500});
        report("due query (dueIds)", "select p1_0.id from prediction p1_0 where p1_0.status=? and p1_0.next_review_on<=? and p1_0.id>? order by p1_0.id fetch first ? rows only", days);
        try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery("explain select p1_0.id from prediction p1_0 where p1_0.id>0 and p1_0.status in ('OPEN') and exists(select 1 from prediction_topic t1_0 where p1_0.id=t1_0.prediction_id and t1_0.topic='x') order by p1_0.status, p1_0.id offset 0 rows fetch first 51 rows only")) {
            rs.next(); System.out.println(rs.getString(1));
        }
    }
}
