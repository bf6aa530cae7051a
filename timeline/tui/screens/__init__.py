"""The browser's screens: the timeline, an article, the year × country grid."""
