typedef long cfg_int;
