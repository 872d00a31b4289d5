package io.pgjet.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws one PNG bar chart per workload with XChart: throughput per driver, grouped by parameter.
 * Drivers with no number for a case (n/a, failed) have no bar there.
 */
final class Charts {
    private Charts() {
    }

    /** Writes {@code <workload>.png} into {@code dir} for every workload in the report; returns the files. */
    static List<Path> write(Report report, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> files = new ArrayList<>();
        for (Workload w : report.workloads()) {
            List<Integer> params = report.params(w);
            List<String> categories = new ArrayList<>();
            for (int p : params) {
                categories.add(w.param() == Workload.Param.NONE ? w.id() : w.paramLabel(p));
            }
            CategoryChart chart = new CategoryChartBuilder().width(960).height(540)
                    .title(w.id() + ": " + w.description())
                    .xAxisTitle(w.param() == Workload.Param.NONE ? "" : w.param().label())
                    .yAxisTitle(w.unit() + ", median of " + report.options().rounds + " round"
                            + (report.options().rounds == 1 ? "" : "s") + " (higher is better)").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            chart.getStyler().setLabelsVisible(false);
            chart.getStyler().setYAxisDecimalPattern("#,###");
            chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
            boolean any = false;
            for (DriverId d : DriverId.values()) {
                List<Number> values = new ArrayList<>();
                boolean has = false;
                for (int p : params) {
                    CaseResult r = report.find(w, p, d);
                    if (r != null && r.ok()) {
                        values.add(r.rate());
                        has = true;
                    } else {
                        values.add(0);
                    }
                }
                if (has) {
                    chart.addSeries(d.id(), categories, values);
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            Path file = dir.resolve(w.id() + ".png");
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            files.add(file);
        }
        return files;
    }
}
