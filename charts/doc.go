// Package charts draws the charts of obs, each both as a static SVG and as
// an interactive go-echarts chart (package echartspage): a territory
// against its references ([ReferenceChart]), a ranking of EPCI
// ([RankingChart]), time series ([TimeSeriesChart]) and an age pyramid
// ([PyramidChart]). Every value carries its status ([ChartValue]): secret
// and missing values are marked as such, never drawn as 0. Like package
// maps, it never opens the database.
package charts
