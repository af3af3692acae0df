"""Place names for the synthetic stores of the benchmarks."""

PROVINCES = ("Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Yên Bái", "Hà Giang", "Cao Bằng", "Bắc Kạn", "Lạng Sơn",
             "Tuyên Quang", "Thái Nguyên", "Phú Thọ", "Bắc Giang", "Quảng Ninh", "Hải Dương", "Hưng Yên", "Thái Bình",
             "Hà Nam", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị",
             "Thừa Thiên Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận",
             "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh",
             "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp",
             "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau", "Vĩnh Phúc", "Bắc Ninh",
             "Hòa Bình", "Hải Phòng", "Đà Nẵng", "Cần Thơ")
DISTRICTS = ("Mường Nhé", "Tủa Chùa", "Tam Đường", "Phong Thổ", "Mai Sơn", "Thuận Châu", "Sìn Hồ", "Than Uyên",
             "Quỳnh Nhai", "Sốp Cộp", "Mường Ảng", "Nậm Pồ", "Mộc Châu", "Yên Châu", "Bắc Yên", "Phù Yên", "Sông Mã",
             "Vân Hồ", "Điện Biên Đông", "Mường Chà", "Tuần Giáo", "Nậm Nhùn", "Tân Uyên", "Mường Tè")
