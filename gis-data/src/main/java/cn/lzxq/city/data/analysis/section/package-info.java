/**
 * Cross-section (横断面) and longitudinal profile (纵断面): the pipes a line crosses with their chainage,
 * top and invert elevations and sizes, the ground line, and an SVG drawing of the section; a pipe
 * run's profile point by point with slopes. Chainages, elevations and depths in metres; sizes in
 * millimetres; slopes as ratios.
 */
package cn.lzxq.city.data.analysis.section;
