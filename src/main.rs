fn main() {
    println!("marsad");
}
